/**
 * CST → AST for operator expressions: binary operator chains (regrouped by
 * Python's precedence, since tree-sitter-python ranks `&` below `^`),
 * `and`/`or` chains as one BoolOp, and comparison chains as one Compare.
 */
import type * as ast from './ast.js';
import type { ConvertContext } from './convert-context.js';
import { convertExpr, invalid, operatorToken, unsupportedExpr } from './convert-expr.js';
import { childByField, type CstNode } from './cst.js';
import { BINARY_OPERATORS, COMPARE_OPERATORS } from './operators.js';

/**
 * Python's binding strength of each binary operator. tree-sitter-python
 * ranks `&` below `^` (Python has `a ^ b & c` as `a ^ (b & c)`), so binary
 * chains are not taken from its tree: the operands and operators of a chain
 * are collected in source order and regrouped here.
 */
const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5, '*': 6, '@': 6, '/': 6, '//': 6, '%': 6, '**': 8,
};

interface Operand {
  readonly node: CstNode;
  readonly expr: ast.Expr_;
}

/** The operands and operator tokens of a chain of binary operators, in source order (no recursion: chains can be long). */
function flattenBinary(node: CstNode): { operands: CstNode[]; operators: string[] } | null {
  const operands: CstNode[] = [];
  const operators: string[] = [];
  // Depth-first, left to right, through binary_operator nodes only; an
  // operator is emitted between its left and right subtrees.
  const stack: ({ node: CstNode } | { op: string })[] = [{ node }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('op' in item) {
      operators.push(item.op);
      continue;
    }
    const n = item.node;
    if (n.type !== 'binary_operator') {
      operands.push(n);
      continue;
    }
    const left = childByField(n, 'left');
    const op = operatorToken(n)?.type;
    const right = childByField(n, 'right');
    if (!left || op === undefined || !right || BINARY_OPERATORS[op] === undefined) return null;
    stack.push({ node: right }, { op }, { node: left });
  }
  return { operands, operators };
}

export function convertBinary(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const chain = flattenBinary(node);
  if (chain === null) return invalid(ctx, node);
  const operands: Operand[] = chain.operands.map((n) => ({ node: n, expr: convertExpr(ctx, n) }));
  const ops = chain.operators;
  // Precedence climbing over operands[0] op[0] operands[1] op[1] ...
  let i = 0;
  const parse = (minPrec: number): { start: number; end: number; expr: ast.Expr_ } => {
    const first = operands[i]!;
    let left = { start: first.node.start, end: first.node.end, expr: first.expr };
    while (i < ops.length) {
      const op = ops[i]!;
      const prec = BINARY_PRECEDENCE[op]!;
      if (prec < minPrec) break;
      i++;
      // `**` groups to the right, everything else to the left.
      const right = parse(op === '**' ? prec : prec + 1);
      left = {
        start: left.start,
        end: right.end,
        expr: { type: 'BinOp', left: left.expr, op: BINARY_OPERATORS[op]!, right: right.expr, range: ctx.range(left.start, right.end) },
      };
    }
    return left;
  };
  return parse(0).expr;
}

/** `a and b and c` is one BoolOp; tree-sitter nests it to the left. */
export function convertBoolOp(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const opText = operatorToken(node)?.type;
  const op: ast.BoolOperator = opText === 'or' ? 'Or' : 'And';
  const values: ast.Expr_[] = [];
  const collect = (n: CstNode): void => {
    const left = childByField(n, 'left');
    const right = childByField(n, 'right');
    if (!left || !right) {
      values.push(invalid(ctx, n));
      return;
    }
    if (left.type === 'boolean_operator' && operatorToken(left)?.type === opText) collect(left);
    else values.push(convertExpr(ctx, left));
    values.push(convertExpr(ctx, right));
  };
  collect(node);
  return { type: 'BoolOp', op, values, range: ctx.rangeOf(node) };
}

export function convertCompare(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const operands: ast.Expr_[] = [];
  const ops: ast.CmpOperator[] = [];
  for (const child of node.children) {
    if (!child.named) {
      const op = COMPARE_OPERATORS[child.type];
      if (op === undefined) {
        // `<>` is Python 2 (and the Barry-as-FLUFL joke).
        ctx.errorAt(child, 'invalid syntax');
        return unsupportedExpr(ctx, node, 'Invalid');
      }
      ops.push(op);
    } else if (child.named) {
      operands.push(convertExpr(ctx, child));
    }
  }
  const [left, ...comparators] = operands;
  if (left === undefined || comparators.length !== ops.length || ops.length === 0) return invalid(ctx, node);
  return { type: 'Compare', left, ops, comparators, range: ctx.rangeOf(node) };
}

