/**
 * CST → AST for expression statements and assignments: `a = b = c` (one
 * Assign with two targets), `x += 1`, `x: int = 1` (AnnAssign with CPython's
 * `simple` flag), and the target checks CPython's parser makes.
 */
import type * as ast from './ast.js';
import type { ConvertContext } from './convert-context.js';
import { checkAugTarget, checkTarget } from './check-targets.js';
import { convertElement, convertExpr, unsupportedExpr, unwrapParens } from './convert-expr.js';
import { childByField, type CstNode, hasToken, namedChildren } from './cst.js';
import { AUG_OPERATORS } from './operators.js';

export function convertExpressionStatement(ctx: ConvertContext, node: CstNode): ast.Stmt | null {
  const parts = namedChildren(node);
  const range = ctx.rangeOf(node);
  if (parts.length !== 1 || hasToken(node, ',')) {
    // `a, b` as a statement is a tuple without parentheses.
    return { type: 'Expr', value: { type: 'Tuple', elts: parts.map((p) => convertElement(ctx, p)), range }, range };
  }
  const only = parts[0]!;
  switch (only.type) {
    case 'assignment':
      return convertAssignment(ctx, node, only);
    case 'augmented_assignment': {
      const left = childByField(only, 'left');
      const opNode = only.children.find((c) => !c.named && c.type.endsWith('='));
      const op = opNode ? AUG_OPERATORS[opNode.type] : undefined;
      if (left === undefined || op === undefined) {
        ctx.errorAt(only, 'invalid syntax');
        return null;
      }
      checkAugTarget(ctx, left);
      return { type: 'AugAssign', target: convertExpr(ctx, left), op, value: convertValue(ctx, only), range };
    }
    case 'named_expression':
      // `x := 1` needs parentheses at statement level.
      {
        // At the `:=` token.
        const re = /\s*/y;
        re.lastIndex = (childByField(only, 'name') ?? only).end;
        re.exec(ctx.source);
        ctx.error('invalid syntax', re.lastIndex, re.lastIndex + 2);
      }
      return null;
    case 'list_splat':
      ctx.errorAt(only, "can't use starred expression here");
      return null;
    default:
      return { type: 'Expr', value: convertExpr(ctx, only), range };
  }
}

function convertValue(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const right = childByField(node, 'right');
  if (right === undefined) {
    ctx.errorAt(node, 'invalid syntax');
    return unsupportedExpr(ctx, node, 'Invalid');
  }
  if (right.type === 'assignment' || right.type === 'augmented_assignment') {
    ctx.errorAt(right, 'invalid syntax');
    return unsupportedExpr(ctx, right, 'Invalid');
  }
  if (right.type === 'list_splat') ctx.errorAt(right, "can't use starred expression here");
  return convertExpr(ctx, right);
}

export function convertTarget(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  checkTarget(ctx, node);
  return convertExpr(ctx, node);
}

function convertAssignment(ctx: ConvertContext, stmt: CstNode, node: CstNode): ast.Stmt {
  const range = ctx.rangeOf(stmt);
  const annotation = childByField(node, 'type');
  const left = childByField(node, 'left');
  if (left === undefined) {
    ctx.errorAt(node, 'invalid syntax');
    return { type: 'Pass', range };
  }
  if (annotation) {
    const target = unwrapParens(left);
    if (target.type !== 'identifier' && target.type !== 'attribute' && target.type !== 'subscript') {
      const what = target.type === 'list_pattern' ? 'list' : 'tuple';
      ctx.errorAt(left, `only single target (not ${what}) can be annotated`);
    }
    const right = childByField(node, 'right');
    return {
      type: 'AnnAssign',
      target: convertExpr(ctx, left),
      annotation: convertExpr(ctx, annotation),
      value: right ? convertValue(ctx, node) : null,
      simple: left.type === 'identifier',
      range,
    };
  }
  // `a = b = c` nests to the right in tree-sitter; CPython has one Assign with two targets.
  const targets: ast.Expr_[] = [convertTarget(ctx, left)];
  let current = node;
  for (;;) {
    const right = childByField(current, 'right');
    if (right?.type !== 'assignment' || childByField(right, 'type')) break;
    const nextLeft = childByField(right, 'left');
    if (nextLeft === undefined) break;
    targets.push(convertTarget(ctx, nextLeft));
    current = right;
  }
  return { type: 'Assign', targets, value: convertValue(ctx, current), range };
}
