/**
 * CST → AST for the issue-4 statements ingest converts ahead of the later
 * stages: `raise`, `assert`, `try` (with `except`/`except*`, `else`,
 * `finally`), `with` (and `async with`) and `class`, in CPython's shapes.
 * They reach the AST attached to an UnsupportedStmt (ast.ts), whose range
 * they share.
 */
import type * as ast from './ast.js';
import { type ConvertContext, identifierText } from './convert-context.js';
import { convertArguments, convertExpr, invalid, unwrapParens } from './convert-expr.js';
import { kindName } from './invalid-target.js';
import { convertTarget } from './convert-assign.js';
import { convertBlock, lastEnd } from './convert-stmt.js';
import { childByField, type CstNode, hasToken, namedChildren } from './cst.js';

type Range = ast.Stmt['range'];

export function convertRaise(ctx: ConvertContext, node: CstNode, range: Range): ast.Raise {
  const cause = childByField(node, 'cause');
  const exc = namedChildren(node).find((c) => c.field !== 'cause');
  // `raise from x`: CPython fails at `from`.
  if (cause && !exc) {
    const at = node.start + /^raise\s*/.exec(ctx.text(node))![0].length;
    ctx.error('invalid syntax', at, at + 4);
  }
  return { type: 'Raise', exc: exc ? convertExpr(ctx, exc) : null, cause: cause ? convertExpr(ctx, cause) : null, range };
}

export function convertAssert(ctx: ConvertContext, node: CstNode, range: Range): ast.Assert {
  const [test, msg] = namedChildren(node);
  return { type: 'Assert', test: test ? convertExpr(ctx, test) : invalid(ctx, node), msg: msg ? convertExpr(ctx, msg) : null, range };
}

const blockOf = (clause: CstNode): CstNode | undefined => clause.children.find((c) => c.type === 'block');

export function convertTry(ctx: ConvertContext, node: CstNode, star: boolean, range: Range): ast.Try {
  const body = convertBlock(ctx, node, childByField(node, 'body'));
  const handlers: ast.ExceptHandler[] = [];
  let orelse: ast.Stmt[] = [];
  let finalbody: ast.Stmt[] = [];
  let bare: CstNode | null = null;
  for (const clause of node.children) {
    if (clause.type !== 'except_clause') continue;
    if (bare !== null) ctx.error("default 'except:' must be last", bare.start, bare.start + 6);
    if (hasToken(clause, '*') !== star) ctx.error("cannot have both 'except' and 'except*' on the same 'try'", clause.start, clause.start + 6);
    if (namedChildren(clause).every((c) => c.type === 'block')) {
      if (star) {
        const colon = clause.children.find((c) => c.type === ':');
        ctx.error('expected one or more exception types', colon?.start ?? clause.start, colon?.end ?? clause.end);
      } else {
        bare = clause;
      }
    }
  }
  for (const clause of node.children) {
    if (clause.type === 'except_clause') handlers.push(convertHandler(ctx, clause));
    else if (clause.type === 'else_clause') orelse = convertBlock(ctx, clause, childByField(clause, 'body'));
    else if (clause.type === 'finally_clause') finalbody = convertBlock(ctx, clause, blockOf(clause));
  }
  return { type: star ? 'TryStar' : 'Try', body, handlers, orelse, finalbody, range };
}

function convertHandler(ctx: ConvertContext, clause: CstNode): ast.ExceptHandler {
  const body = convertBlock(ctx, clause, blockOf(clause));
  const values = namedChildren(clause).filter((c) => c.type !== 'block');
  const value = values[0];
  // `except A, B:` (Python 2).
  if (values.length > 1 && value) ctx.error('multiple exception types must be parenthesized', value.start, values[values.length - 1]!.end);
  let exc_type: ast.Expr_ | null = null;
  let name: string | null = null;
  if (value?.type === 'as_pattern') {
    const [typeNode] = namedChildren(value);
    const alias = childByField(value, 'alias');
    const id = alias ? namedChildren(alias)[0] : undefined;
    exc_type = typeNode ? convertExpr(ctx, typeNode) : invalid(ctx, value);
    if (id?.type === 'identifier') {
      name = identifierText(ctx, id);
    } else {
      // `except E as e.x`: CPython fails at the token after the name.
      const re = /[ \t\f]*[A-Za-z_]\w*[ \t\f]*/y;
      const from = (alias ?? value).start;
      re.lastIndex = from;
      const at = re.exec(ctx.source) ? re.lastIndex : from;
      ctx.error('invalid syntax', at, at + 1);
    }
  } else if (value) {
    exc_type = convertExpr(ctx, value);
  }
  return { type: 'ExceptHandler', exc_type, name, body, range: ctx.range(clause.start, lastEnd(body, clause.end, ctx.source)) };
}

export function convertWith(ctx: ConvertContext, node: CstNode, is_async: boolean, range: Range): ast.With {
  const clause = node.children.find((c) => c.type === 'with_clause');
  const items: ast.WithItem[] = (clause ? namedChildren(clause) : []).map((item) => {
    const value = namedChildren(item)[0];
    if (value?.type === 'as_pattern') {
      const [expr] = namedChildren(value);
      const target = childByField(value, 'alias');
      const targetExpr = target ? namedChildren(target)[0] : undefined;
      return {
        type: 'withitem',
        context_expr: expr ? convertExpr(ctx, expr) : invalid(ctx, value),
        optional_vars: targetExpr ? convertWithTarget(ctx, targetExpr) : null,
      };
    }
    return { type: 'withitem', context_expr: value ? convertExpr(ctx, value) : invalid(ctx, item), optional_vars: null };
  });
  const body = convertBlock(ctx, node, childByField(node, 'body'));
  return { type: 'With', items, body, is_async, range };
}

const ASSIGNABLE = new Set(['identifier', 'attribute', 'subscript', 'tuple', 'tuple_pattern', 'list', 'list_pattern', 'pattern_list', 'expression_list', 'parenthesized_expression', 'list_splat', 'list_splat_pattern']);

/** `with a as 1`: the target must be assignable, as CPython's parser checks. */
function convertWithTarget(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const target = unwrapParens(node);
  if (!ASSIGNABLE.has(target.type)) {
    ctx.errorAt(target, `cannot assign to ${kindName(target.type, ctx.text(target)) ?? 'expression'}`);
  }
  return convertTarget(ctx, node);
}

export function convertClass(ctx: ConvertContext, node: CstNode, decorator_list: ast.Expr_[], range: Range): ast.ClassDef {
  const nameNode = childByField(node, 'name');
  const argsNode = childByField(node, 'superclasses');
  const { args: bases, keywords } = argsNode ? convertArguments(ctx, argsNode) : { args: [], keywords: [] };
  const body = convertBlock(ctx, node, childByField(node, 'body'));
  return { type: 'ClassDef', name: nameNode ? identifierText(ctx, nameNode) : '', bases, keywords, body, decorator_list, range };
}
