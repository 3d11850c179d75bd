/**
 * Builtins and special methods of the functions area (lower-builtins.ts and
 * lower-method.ts look them up by name, after their own tables): the ones
 * taking functions as values.
 *
 * - `sorted(xs, key=f, reverse=r)`, `list.sort(key=f, reverse=r)` (stable,
 *   CPython's sort), `min`/`max(xs, key=f[, default=d])`.
 * - `map(f, xs)` and `filter(f, xs)` / `filter(None, xs)`. Semantics chosen:
 *   they are evaluated eagerly into a list (every call of `f` happens where
 *   `map` is called, in item order). Where the result is consumed right away
 *   (for, list(), sorted(), sum(), join...) this prints and raises exactly
 *   what CPython does; what differs is only observable through the lazy
 *   iterator itself (`print(map(...))` shows `<map object ...>` in CPython,
 *   and an exception from `f` surfaces at the `map` call rather than at the
 *   first `next`).
 *
 * The function argument is a lambda, a function or builtin named directly,
 * or a Callable value (lower-lambda.ts lowerFunctionValue).
 */
import type * as ast from '../ingest/ast.js';
import type { BuiltinLowering } from './lower-builtins.js';
import { lowerTest, lowerValue, type Scope } from './lower-expr.js';
import { lowerFunctionValue } from './lower-lambda.js';
import type { SpecialMethod } from './lower-method.js';
import { convertTo } from './lower-values.js';
import { callableParts, elementOf, isOrdered, iterItemOf, listOf, pyClassName, type Ty } from './ty.js';
import type { TExpr } from './types.js';

const op = (type: Ty, name: string, args: (TExpr | null)[]): TExpr => ({ kind: 'op', type, op: name, args });

function iterableItem(v: TExpr, node: ast.Expr_, scope: Scope): Ty | null {
  const item = iterItemOf(v.type);
  if (item === undefined) {
    scope.report('PTL3003', node.range, `'${pyClassName(v.type)}' object is not iterable`);
    return null;
  }
  return item;
}

/** A `key=` function over `item`: its result must be orderable. */
function keyFunction(node: ast.Expr_, item: Ty, scope: Scope, fname: string): TExpr | null {
  const f = lowerFunctionValue(node, [item], scope, `the key of ${fname}()`);
  if (f === null) return null;
  const ret = callableParts(f.type)?.ret;
  if (ret === undefined || !isOrdered(ret)) {
    scope.report('PTL3003', node.range, `the key of ${fname}() returns ${ret ?? f.type}, which has no order ('<' is not supported)`);
    return null;
  }
  return f;
}

const isNone = (e: ast.Expr_): boolean => e.type === 'Constant' && e.kind === 'None';

/** `sorted(xs, key=f, reverse=r)`; lower-builtins.ts hands over calls with `key=`. */
export function lowerSortedKey(e: ast.Call, scope: Scope): TExpr | null {
  if (e.args.length !== 1 || e.args[0]!.type === 'Starred') {
    scope.report('PTL3005', e.range, `sorted expected 1 argument, got ${e.args.length}`);
    return null;
  }
  let keyNode: ast.Expr_ | null = null;
  let reverseNode: ast.Expr_ | null = null;
  for (const kw of e.keywords) {
    if (kw.arg === 'key') keyNode = kw.value;
    else if (kw.arg === 'reverse') reverseNode = kw.value;
    else {
      scope.report('PTL3005', kw.range, `sort() got an unexpected keyword argument '${kw.arg}'`);
      return null;
    }
  }
  const it = lowerValue(e.args[0]!, scope);
  if (it === null) return null;
  const item = iterableItem(it, e.args[0]!, scope);
  if (item === null) return null;
  const key = keyNode && !isNone(keyNode) ? keyFunction(keyNode, item, scope, 'sorted') : null;
  if (keyNode && !isNone(keyNode) && key === null) return null;
  const reverse = reverseNode ? lowerTest(reverseNode, scope) : null;
  if (reverseNode && reverse === null) return null;
  if (key === null) {
    if (!isOrdered(item)) {
      scope.report('PTL3003', e.args[0]!.range, `'<' not supported between instances of '${pyClassName(item)}' and '${pyClassName(item)}'`);
      return null;
    }
    return op(listOf(item), 'builtin.sorted', [it, reverse]);
  }
  return op(listOf(item), 'functions.sorted_key', [it, key, reverse]);
}

/** `min(xs, key=f)`, `max(xs, key=f, default=d)`; lower-builtins.ts hands over calls with `key=`. */
export function lowerMinMaxKey(name: 'min' | 'max', e: ast.Call, scope: Scope): TExpr | null {
  if (e.args.length === 0 || e.args.some((a) => a.type === 'Starred')) {
    scope.report('PTL2007', e.range, `${name}() with key= is supported over one iterable or two or more arguments`, `Write ${name}([a, b], key=f).`);
    return null;
  }
  const several = e.args.length >= 2;
  if (several && e.keywords.some((k) => k.arg === 'default')) {
    scope.report('PTL3005', e.range, `Cannot specify a default for ${name}() with multiple positional arguments`);
    return null;
  }
  // `max(a, b, c, key=f)` compares the arguments as `max([a, b, c], key=f)` does.
  const items: ast.Expr_ = several ? ({ type: 'List', range: e.range, elts: e.args } as unknown as ast.Expr_) : e.args[0]!;
  const it = lowerValue(items, scope);
  if (it === null) return null;
  const item = iterableItem(it, items, scope);
  if (item === null) return null;
  let key: TExpr | null = null;
  let def: TExpr | null = null;
  for (const kw of e.keywords) {
    if (kw.arg === 'key') {
      if (isNone(kw.value)) continue;
      key = keyFunction(kw.value, item, scope, name);
      if (key === null) return null;
    } else if (kw.arg === 'default') {
      const d = lowerValue(kw.value, scope);
      if (d === null) return null;
      def = convertTo(d, item, kw.value.range, scope.report, `the default of ${name}()`);
      if (def === null) return null;
    } else {
      scope.report('PTL3005', kw.range, `${name}() got an unexpected keyword argument '${kw.arg}'`);
      return null;
    }
  }
  if (key === null) {
    if (!isOrdered(item)) {
      scope.report('PTL3003', e.args[0]!.range, `'<' not supported between instances of '${pyClassName(item)}' and '${pyClassName(item)}'`);
      return null;
    }
    return op(item, `builtin.${name}_iter`, [it, def]);
  }
  return op(item, `functions.${name}_key`, [it, key, def]);
}

/** `map(f, xs)`: an eager list of `f(x)`. */
const lowerMap: BuiltinLowering = (e, scope) => {
  if (e.keywords.length > 0) {
    scope.report('PTL3005', e.keywords[0]!.range, 'map() takes no keyword arguments');
    return null;
  }
  if (e.args.length < 2) {
    scope.report('PTL3005', e.range, 'map() must have at least two arguments.');
    return null;
  }
  if (e.args.length > 2 || e.args.some((a) => a.type === 'Starred')) {
    scope.report('PTL2007', e.range, 'map() over more than one iterable is not supported', 'Use zip: `[f(a, b) for a, b in zip(xs, ys)]`.');
    return null;
  }
  const it = lowerValue(e.args[1]!, scope);
  if (it === null) return null;
  const item = iterableItem(it, e.args[1]!, scope);
  if (item === null) return null;
  const f = lowerFunctionValue(e.args[0]!, [item], scope, 'the function of map()');
  if (f === null) return null;
  return op(listOf(callableParts(f.type)!.ret), 'functions.map', [f, it]);
};

/** `filter(f, xs)` / `filter(None, xs)`: an eager list of the items whose `f(x)` is true. */
const lowerFilter: BuiltinLowering = (e, scope) => {
  if (e.keywords.length > 0) {
    scope.report('PTL3005', e.keywords[0]!.range, 'filter() takes no keyword arguments');
    return null;
  }
  if (e.args.length !== 2 || e.args.some((a) => a.type === 'Starred')) {
    scope.report('PTL3005', e.range, `filter expected 2 arguments, got ${e.args.length}`);
    return null;
  }
  const it = lowerValue(e.args[1]!, scope);
  if (it === null) return null;
  const item = iterableItem(it, e.args[1]!, scope);
  if (item === null) return null;
  if (isNone(e.args[0]!)) return op(listOf(item), 'functions.filter_true', [it]);
  const f = lowerFunctionValue(e.args[0]!, [item], scope, 'the function of filter()');
  if (f === null) return null;
  return op(listOf(item), 'functions.filter', [f, it]);
};

/** Builtin functions by name. */
export const FUNCTIONS_BUILTINS: Readonly<Record<string, BuiltinLowering>> = {
  map: lowerMap,
  filter: lowerFilter,
};

/** `xs.sort(key=f, reverse=r)`: keyword-only arguments, in place, stable. */
const listSort: SpecialMethod = (recv, e, scope) => {
  if (e.args.length > 0) {
    scope.report('PTL3005', e.args[0]!.range, 'sort() takes no positional arguments');
    return null;
  }
  const item = elementOf(recv.type)!;
  let key: TExpr | null = null;
  let reverse: TExpr | null = null;
  for (const kw of e.keywords) {
    if (kw.arg === 'key') {
      if (isNone(kw.value)) continue;
      key = keyFunction(kw.value, item, scope, 'sort');
      if (key === null) return null;
    } else if (kw.arg === 'reverse') {
      reverse = lowerTest(kw.value, scope);
      if (reverse === null) return null;
    } else {
      scope.report('PTL3005', kw.range, `sort() got an unexpected keyword argument '${kw.arg}'`);
      return null;
    }
  }
  if (key === null && !isOrdered(item)) {
    scope.report('PTL3003', e.range, `'<' not supported between instances of '${pyClassName(item)}' and '${pyClassName(item)}'`);
    return null;
  }
  return op('None', key === null ? 'functions.list_sort' : 'functions.list_sort_key', key === null ? [recv, reverse] : [recv, key, reverse]);
};

/** Methods needing more than a signature, by `<class>.<method>`. */
export const FUNCTIONS_METHODS: Readonly<Record<string, SpecialMethod>> = {
  'list.sort': listSort,
};
