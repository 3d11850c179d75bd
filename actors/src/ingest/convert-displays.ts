/**
 * CST → AST for dict and set displays, slices and comprehensions (list, set,
 * dict, generator), in CPython's shapes: `{**d}` is a Dict entry with a null
 * key, `x[a:b, c]` a Tuple holding a Slice, each `for ... in ... if ...`
 * clause one `comprehension`. Async comprehensions stay refused
 * (`UnsupportedExpr` with the comprehension's node name).
 */
import type * as ast from './ast.js';
import type { ConvertContext } from './convert-context.js';
import { checkStarOperand, convertElement, convertExpr, invalid, unsupportedExpr } from './convert-expr.js';
import { checkTarget } from './check-targets.js';
import { childByField, type CstNode, hasToken, namedChildren } from './cst.js';

export function convertDict(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const keys: (ast.Expr_ | null)[] = [];
  const values: ast.Expr_[] = [];
  for (const entry of namedChildren(node)) {
    if (entry.type === 'pair') {
      const key = childByField(entry, 'key');
      const value = childByField(entry, 'value');
      if (!key || !value) return invalid(ctx, entry);
      keys.push(convertExpr(ctx, key));
      values.push(convertExpr(ctx, value));
    } else if (entry.type === 'dictionary_splat') {
      const value = namedChildren(entry)[0];
      if (value) checkStarOperand(ctx, value);
      keys.push(null);
      values.push(value ? convertExpr(ctx, value) : invalid(ctx, entry));
    } else {
      return invalid(ctx, entry);
    }
  }
  return { type: 'Dict', keys, values, range: ctx.rangeOf(node) };
}

export function convertSet(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  return { type: 'Set', elts: namedChildren(node).map((c) => convertElement(ctx, c)), range: ctx.rangeOf(node) };
}

/** `lower:upper:step`, each part optional; the parts are told apart by the colons between them. */
export function convertSlice(ctx: ConvertContext, node: CstNode): ast.Slice {
  const parts: (ast.Expr_ | null)[] = [null, null, null];
  let colons = 0;
  for (const c of node.children) {
    if (!c.named) {
      if (c.type === ':' && ++colons === 3) ctx.errorAt(c, 'invalid syntax');
      continue;
    }
    parts[Math.min(colons, 2)] = convertExpr(ctx, c);
  }
  const [lower, upper, step] = parts as [ast.Expr_ | null, ast.Expr_ | null, ast.Expr_ | null];
  return { type: 'Slice', lower, upper, step, range: ctx.rangeOf(node) };
}

const COMPREHENSIONS: Readonly<Record<string, 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp'>> = {
  list_comprehension: 'ListComp',
  set_comprehension: 'SetComp',
  dictionary_comprehension: 'DictComp',
  generator_expression: 'GeneratorExp',
};

const STARRED = new Set(['list_splat', 'list_splat_pattern', 'parenthesized_list_splat']);

/**
 * A comprehension or generator expression. `range` is the node's own range,
 * except for a generator that is a call's only argument, whose range CPython
 * takes from the call's parentheses (the caller passes the argument list).
 */
export function convertComprehension(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const name = COMPREHENSIONS[node.type];
  const body = childByField(node, 'body');
  if (name === undefined || body === undefined) return invalid(ctx, node);
  if (STARRED.has(body.type)) {
    ctx.errorAt(body, 'iterable unpacking cannot be used in comprehension');
    return unsupportedExpr(ctx, node, name);
  }
  if (body.type === 'dictionary_splat') {
    ctx.errorAt(body, 'dict unpacking cannot be used in dict comprehension');
    return unsupportedExpr(ctx, node, name);
  }
  const clauses = namedChildren(node).filter((c) => c.type === 'for_in_clause' || c.type === 'if_clause');
  if (clauses.some((c) => c.type === 'for_in_clause' && hasToken(c, 'async'))) {
    return unsupportedExpr(ctx, node, name, 'async comprehension');
  }
  const generators: ast.Comprehension[] = [];
  let current: { target: ast.Expr_; iter: ast.Expr_; ifs: ast.Expr_[]; start: number; end: number } | null = null;
  const flush = (): void => {
    if (current === null) return;
    const { target, iter, ifs, start, end } = current;
    generators.push({ type: 'comprehension', target, iter, ifs, is_async: false, range: ctx.range(start, end) });
  };
  for (const clause of clauses) {
    if (clause.type === 'for_in_clause') {
      flush();
      const left = childByField(clause, 'left');
      const rights = clause.children.filter((c) => c.field === 'right');
      if (left === undefined || rights.length === 0) return invalid(ctx, clause);
      checkTarget(ctx, left);
      const target = convertExpr(ctx, left);
      let iter: ast.Expr_;
      if (rights.length === 1 && !hasToken(clause, ',')) {
        iter = convertExpr(ctx, rights[0]!);
      } else {
        // `for x in a, b` is refused by CPython (tree-sitter reads a tuple).
        const comma = clause.children.find((c) => c.type === ',');
        ctx.error('invalid syntax', comma?.start ?? clause.start, comma?.end ?? clause.end);
        iter = convertExpr(ctx, rights[0]!);
      }
      current = { target, iter, ifs: [], start: clause.start, end: clause.end };
    } else if (current !== null) {
      const cond = namedChildren(clause)[0];
      current.ifs.push(cond ? convertExpr(ctx, cond) : invalid(ctx, clause));
      current.end = clause.end;
    }
  }
  flush();
  const range = ctx.rangeOf(node);
  if (name === 'DictComp') {
    if (body.type !== 'pair') return invalid(ctx, body);
    const key = childByField(body, 'key');
    const value = childByField(body, 'value');
    if (!key || !value) return invalid(ctx, body);
    return { type: 'DictComp', key: convertExpr(ctx, key), value: convertExpr(ctx, value), generators, range };
  }
  return { type: name, elt: convertExpr(ctx, body), generators, range };
}
