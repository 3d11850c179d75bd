/**
 * Builtins over strings and containers: `len`, `str`, `repr`, `list`,
 * `tuple`, `set`, `frozenset`, `dict`, `sorted`, `reversed`, `enumerate`,
 * `zip`, `sum`, `any`, `all`, `range` as a value, and `min`/`max` over one
 * iterable. Each lowers to an `op` node named `builtin.<name>` (or a more
 * precise name) that transpile/ops.ts prints. More builtins register
 * themselves in BUILTINS from their own files.
 */
import type * as ast from '../ingest/ast.js';
import { lowerTest, lowerValue, type Scope, toInt } from './lower-expr.js';
import { commonType, convertTo } from './lower-values.js';
import { dictOf, dictParts, frozensetOf, headOf, isHashable, isOrdered, iterItemOf, listOf, pyClassName, setOf, tupleNOf, tupleParts, type Ty } from './ty.js';
import type { TExpr } from './types.js';
import { CONTAINERS_BUILTINS, lowerDictKeywords, lowerZipStar } from './builtins-containers.js';
import { FUNCTIONS_BUILTINS, lowerMinMaxKey, lowerSortedKey } from './builtins-functions.js';
import { IO_BUILTINS } from './builtins-io.js';
import { TEXT_BUILTINS } from './builtins-text.js';

export type BuiltinLowering = (e: ast.Call, scope: Scope) => TExpr | null;

/** Builtins handled here. Names not here fall back to the area files, then to lower-call.ts's numeric builtins. */
const CORE = new Map<string, BuiltinLowering>();
const BUILTINS = CORE;

/** The lowering of a builtin over strings/containers/functions/io, if there is one. */
export function builtinLowering(name: string): BuiltinLowering | undefined {
  return CORE.get(name) ?? TEXT_BUILTINS[name] ?? CONTAINERS_BUILTINS[name] ?? FUNCTIONS_BUILTINS[name] ?? IO_BUILTINS[name];
}

function noKeywords(name: string, e: ast.Call, scope: Scope): boolean {
  if (e.keywords.length === 0) return true;
  scope.report('PTL3005', e.keywords[0]!.range, `${name}() takes no keyword arguments`);
  return false;
}

function positional(name: string, e: ast.Call, scope: Scope, min: number, max: number): TExpr[] | null {
  if (!noKeywords(name, e, scope)) return null;
  for (const a of e.args) {
    if (a.type === 'Starred') {
      scope.report('PTL2002', a.range, `\`*\` arguments to ${name}() are not supported`);
      return null;
    }
  }
  const n = e.args.length;
  if (n < min || n > max) {
    const text =
      min === max ? `${name}() takes exactly ${min === 1 ? 'one argument' : `${min} arguments`} (${n} given)` : n < min ? `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}` : `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`;
    scope.report('PTL3005', e.range, text);
    return null;
  }
  const vs = e.args.map((a) => lowerValue(a, scope));
  return vs.some((v) => v === null) ? null : (vs as TExpr[]);
}

function iterable(v: TExpr, node: ast.Expr_, scope: Scope): Ty | null {
  const item = iterItemOf(v.type);
  if (item === undefined) {
    scope.report('PTL3003', node.range, `'${pyClassName(v.type)}' object is not iterable`);
    return null;
  }
  return item;
}

const op = (type: Ty, name: string, args: (TExpr | null)[]): TExpr => ({ kind: 'op', type, op: name, args });

BUILTINS.set('len', (e, scope) => {
  const a = positional('len', e, scope, 1, 1);
  if (!a) return null;
  const h = headOf(a[0]!.type);
  if (!['str', 'list', 'dict', 'set', 'frozenset', 'tuple', 'range', 'dict_keys', 'dict_values', 'dict_items'].includes(h)) {
    scope.report('PTL3003', e.args[0]!.range, `object of type '${pyClassName(a[0]!.type)}' has no len()`);
    return null;
  }
  return op('int', 'builtin.len', a);
});

for (const name of ['str', 'repr'] as const) {
  BUILTINS.set(name, (e, scope) => {
    if (name === 'str' && e.args.length === 0 && e.keywords.length === 0) return { kind: 'literal', type: 'str', value: '' };
    const a = positional(name, e, scope, 1, 1);
    if (!a) return null;
    if (name === 'str' && a[0]!.type === 'str') return a[0]!;
    return op('str', `builtin.${name}`, a);
  });
}

function fromIterable(name: 'list' | 'tuple' | 'set' | 'frozenset', wrap: (t: Ty) => Ty): BuiltinLowering {
  return (e, scope) => {
    const a = positional(name, e, scope, 0, 1);
    if (!a) return null;
    if (a.length === 0) return { kind: 'display', of: name, type: wrap('?'), elts: [], starred: [] };
    const item = iterable(a[0]!, e.args[0]!, scope);
    if (item === null) return null;
    if ((name === 'set' || name === 'frozenset') && !isHashable(item)) {
      scope.report('PTL3003', e.args[0]!.range, `unhashable type: '${headOf(item)}'`);
      return null;
    }
    return op(wrap(item), `builtin.${name}`, a);
  };
}
BUILTINS.set('list', fromIterable('list', listOf));
BUILTINS.set('tuple', fromIterable('tuple', tupleNOf));
BUILTINS.set('set', fromIterable('set', setOf));
BUILTINS.set('frozenset', fromIterable('frozenset', frozensetOf));

BUILTINS.set('dict', (e, scope) => {
  if (e.keywords.length > 0) return lowerDictKeywords(e, scope);
  const a = positional('dict', e, scope, 0, 1);
  if (!a) return null;
  if (a.length === 0) return { kind: 'dictDisplay', type: dictOf('?', '?'), keys: [], values: [] };
  const d = dictParts(a[0]!.type);
  if (d) return op(a[0]!.type, 'builtin.dict_copy', a);
  const item = iterable(a[0]!, e.args[0]!, scope);
  const parts = item === null ? undefined : tupleParts(item);
  if (!parts || parts.length !== 2) {
    if (item !== null) scope.report('PTL3003', e.args[0]!.range, `dict() needs pairs (tuples of two), not ${item}`);
    return null;
  }
  return op(dictOf(parts[0]!, parts[1]!), 'builtin.dict_pairs', a);
});

BUILTINS.set('range', (e, scope) => {
  const a = positional('range', e, scope, 1, 3);
  if (!a) return null;
  for (const [i, v] of a.entries()) {
    if (v.type !== 'int' && v.type !== 'bool') {
      scope.report('PTL3003', e.args[i]!.range, `'${pyClassName(v.type)}' object cannot be interpreted as an integer`);
      return null;
    }
  }
  const ints = a.map(toInt);
  if (ints.length === 1) return op('range', 'builtin.range', [{ kind: 'literal', type: 'int', value: 0n }, ints[0]!, null]);
  return op('range', 'builtin.range', [ints[0]!, ints[1]!, ints[2] ?? null]);
});

BUILTINS.set('reversed', (e, scope) => {
  const a = positional('reversed', e, scope, 1, 1);
  if (!a) return null;
  const h = headOf(a[0]!.type);
  if (!['list', 'str', 'tuple', 'range', 'dict', 'dict_keys', 'dict_values', 'dict_items'].includes(h) || iterItemOf(a[0]!.type) === undefined) {
    scope.report('PTL3003', e.args[0]!.range, `'${pyClassName(a[0]!.type)}' object is not reversible`);
    return null;
  }
  // A reversed view is consumed by `for`, list(), ... ; its items are computed eagerly (same values, same order).
  return op(listOf(iterItemOf(a[0]!.type)!), 'builtin.reversed', a);
});

BUILTINS.set('enumerate', (e, scope) => {
  let start: TExpr | null = null;
  const kws = e.keywords.filter((k) => k.arg === 'start');
  if (kws.length !== e.keywords.length) {
    scope.report('PTL3005', e.keywords[0]!.range, `enumerate() got an unexpected keyword argument '${e.keywords.find((k) => k.arg !== 'start')!.arg}'`);
    return null;
  }
  const args = [...e.args];
  if (kws[0]) args.push(kws[0].value);
  if (args.length < 1 || args.length > 2) {
    scope.report('PTL3005', e.range, `enumerate() takes at most 2 arguments (${args.length} given)`);
    return null;
  }
  const it = lowerValue(args[0]!, scope);
  if (it === null) return null;
  const item = iterable(it, args[0]!, scope);
  if (item === null) return null;
  if (args[1]) {
    const s = lowerValue(args[1], scope);
    if (s === null) return null;
    start = convertTo(s, 'int', args[1].range, scope.report, 'the start of enumerate()');
    if (start === null) return null;
  }
  return op(listOf(`tuple[int, ${item}]`), 'builtin.enumerate', [it, start]);
});

BUILTINS.set('zip', (e, scope) => {
  if (e.keywords.length > 0) {
    scope.report('PTL2010', e.keywords[0]!.range, 'zip() keyword arguments (strict=) are not supported');
    return null;
  }
  if (e.args.length === 1 && e.args[0]!.type === 'Starred') return lowerZipStar(e.args[0]!.value, scope); // builtins-containers.ts
  const a = positional('zip', e, scope, 1, 6);
  if (!a) return null;
  const items: Ty[] = [];
  for (const [i, v] of a.entries()) {
    const item = iterable(v, e.args[i]!, scope);
    if (item === null) return null;
    items.push(item);
  }
  return op(listOf(`tuple[${items.join(', ')}]`), `builtin.zip${a.length}`, a);
});

for (const name of ['any', 'all'] as const) {
  BUILTINS.set(name, (e, scope) => {
    const a = positional(name, e, scope, 1, 1);
    if (!a) return null;
    const item = iterable(a[0]!, e.args[0]!, scope);
    return item === null ? null : op('bool', `builtin.${name}`, a);
  });
}

BUILTINS.set('sum', (e, scope) => {
  const kwStart = e.keywords.find((k) => k.arg === 'start');
  if (e.keywords.length > (kwStart ? 1 : 0)) {
    scope.report('PTL3005', e.keywords[0]!.range, 'sum() takes only the keyword argument start');
    return null;
  }
  const args = [...e.args, ...(kwStart ? [kwStart.value] : [])];
  if (args.length < 1 || args.length > 2) {
    scope.report('PTL3005', e.range, `sum() takes at most 2 arguments (${args.length} given)`);
    return null;
  }
  const it = lowerValue(args[0]!, scope);
  if (it === null) return null;
  const item = iterable(it, args[0]!, scope);
  if (item === null) return null;
  const start = args[1] ? lowerValue(args[1], scope) : null;
  if (args[1] && start === null) return null;
  const t = item === 'bool' ? 'int' : item;
  if (t !== 'int' && t !== 'float') {
    scope.report('PTL3003', args[0]!.range, `sum() of ${item} values is not supported`, 'sum() adds numbers; join strings with "".join(...).');
    return null;
  }
  const resultType = start && start.type === 'float' ? 'float' : t;
  const st = start ? convertTo(start, resultType, args[1]!.range, scope.report, 'the start of sum()') : null;
  if (start && st === null) return null;
  if (item === 'bool' && resultType === 'int') return op('int', 'builtin.sum_bool', [it, st]); // bools add as ints
  return op(resultType, `builtin.sum_${t}${resultType !== t ? '_to_float' : ''}`, [it, st]);
});

/** `min(xs)`, `max(xs)` over one iterable; `default=` and `key=` are handled by the functions that register `key` support. */
export function lowerMinMaxIterable(name: 'min' | 'max', e: ast.Call, scope: Scope): TExpr | null {
  if (e.keywords.some((k) => k.arg === 'key')) return lowerMinMaxKey(name, e, scope); // builtins-functions.ts
  const it = lowerValue(e.args[0]!, scope);
  if (it === null) return null;
  const item = iterable(it, e.args[0]!, scope);
  if (item === null) return null;
  if (!isOrdered(item)) {
    scope.report('PTL3003', e.args[0]!.range, `'<' not supported between instances of '${pyClassName(item)}' and '${pyClassName(item)}'`);
    return null;
  }
  let def: TExpr | null = null;
  for (const kw of e.keywords) {
    if (kw.arg === 'default') {
      const d = lowerValue(kw.value, scope);
      if (d === null) return null;
      // `min(xs, default=None)`: Optional[T] (ops-containers.ts).
      if (d.type === 'None' && e.keywords.length === 1) return op(`Optional[${item}]`, `builtin.${name}_iter_or_none`, [it]);
      def = convertTo(d, item, kw.value.range, scope.report, `the default of ${name}()`);
      if (def === null) return null;
    } else {
      scope.report('PTL3005', kw.range, `${name}() got an unexpected keyword argument '${kw.arg}'`);
      return null;
    }
  }
  return op(item, `builtin.${name}_iter`, [it, def]);
}

BUILTINS.set('sorted', (e, scope) => {
  if (e.keywords.some((k) => k.arg === 'key')) return lowerSortedKey(e, scope); // builtins-functions.ts
  const reverseKw = e.keywords.find((k) => k.arg === 'reverse');
  const other = e.keywords.find((k) => k.arg !== 'reverse');
  if (other) {
    scope.report('PTL3005', other.range, other.arg === 'key' ? 'sorted() with key= needs functions as values' : `sorted() got an unexpected keyword argument '${other.arg}'`);
    return null;
  }
  if (e.args.length !== 1) {
    scope.report('PTL3005', e.range, `sorted expected 1 argument, got ${e.args.length}`);
    return null;
  }
  const it = lowerValue(e.args[0]!, scope);
  if (it === null) return null;
  const item = iterable(it, e.args[0]!, scope);
  if (item === null) return null;
  if (!isOrdered(item)) {
    scope.report('PTL3003', e.args[0]!.range, `'<' not supported between instances of '${pyClassName(item)}' and '${pyClassName(item)}'`);
    return null;
  }
  const reverse = reverseKw ? lowerTest(reverseKw.value, scope) : null;
  if (reverseKw && reverse === null) return null;
  return op(listOf(item), 'builtin.sorted', [it, reverse]);
});

export { commonType };
