/**
 * Expressions over the non-scalar types (docs/values.md): str literals,
 * None, list/tuple/set/dict displays, subscripts and slices, comprehensions
 * and f-strings. Types come from ty.ts; an empty display gets `?` parts that
 * a later use or an annotation fills in (`retype`).
 */
import type * as ast from '../ingest/ast.js';
import type { SourceRange } from '../diagnostics/diagnostic.js';
import { lowerTest, lowerValue, type Scope, toInt } from './lower-expr.js';
import type { Report } from './report.js';
import {
  dictOf,
  dictParts,
  elementOf,
  hasUnknown,
  headOf,
  isHashable,
  iterItemOf,
  listOf,
  parseTy,
  printTy,
  setOf,
  tupleNOf,
  tupleOf,
  tupleParts,
  type Ty,
  unionParts,
  unify,
  UNKNOWN,
  withArticle,
} from './ty.js';
import type { CompClause, FStringExpr, Target, TExpr } from './types.js';

export function strLiteral(value: string): TExpr {
  return { kind: 'literal', type: 'str', value };
}

/**
 * The common element type of several values, filling `?` parts from each
 * other; int and bool mix as int, int and float as float, as CPython's values
 * would compare and print differently otherwise... so they do not mix: a
 * list of 1 and 2.5 is refused (its elements would print as `1` and `2.5`,
 * which a list[float] cannot hold).
 */
export function commonType(types: readonly Ty[]): Ty | undefined {
  let t: Ty = UNKNOWN;
  for (const x of types) {
    const u = unify(t, x);
    if (u === undefined) return undefined;
    t = u;
  }
  return t;
}

/**
 * Gives an expression whose type has `?` parts (an empty display, or one
 * holding empty displays) the complete type `to`; other expressions are
 * returned as they are.
 */
export function retype(e: TExpr, to: Ty): TExpr {
  if (e.type === to || !hasUnknown(e.type)) return e;
  if (unify(e.type, to) !== to) return e;
  switch (e.kind) {
    case 'display': {
      const item = e.of === 'tuple' ? undefined : elementOf(to);
      const parts = e.of === 'tuple' ? tupleParts(to) : undefined;
      return { ...e, type: to, elts: e.elts.map((x, i) => retype(x, (item ?? parts?.[i])!)) };
    }
    case 'dictDisplay': {
      const [k, v] = dictParts(to)!;
      return { ...e, type: to, keys: e.keys.map((x) => retype(x, k)), values: e.values.map((x) => retype(x, v)) };
    }
    case 'comp':
    case 'op':
    case 'method':
    case 'ifexp':
      return { ...e, type: to } as TExpr;
    default:
      return e;
  }
}

function article(t: Ty): string {
  return withArticle(t);
}

/** `[a, b]`, `(a, b)`, `{a, b}`, with `*xs` spread elements. */
export function lowerDisplay(e: ast.List | ast.Tuple | ast.Set, scope: Scope): TExpr | null {
  const of = e.type === 'List' ? 'list' : e.type === 'Tuple' ? 'tuple' : 'set';
  const starred: boolean[] = [];
  const elts: TExpr[] = [];
  let ok = true;
  for (const x of e.elts) {
    if (x.type === 'Starred') {
      const v = lowerValue(x.value, scope);
      if (v === null) {
        ok = false;
        continue;
      }
      const item = iterItemOf(v.type);
      if (item === undefined) {
        scope.report('PTL3003', x.range, `${article(v.type)} cannot be unpacked with \`*\` here`);
        ok = false;
        continue;
      }
      starred.push(true);
      elts.push(v);
    } else {
      const v = lowerValue(x, scope);
      if (v === null) {
        ok = false;
        continue;
      }
      starred.push(false);
      elts.push(v);
    }
  }
  if (!ok) return null;
  const itemTypes = elts.map((v, i) => (starred[i] ? iterItemOf(v.type)! : v.type));
  if (of === 'tuple' && !starred.includes(true)) {
    return { kind: 'display', of, type: tupleOf(itemTypes), elts, starred };
  }
  const item = commonType(itemTypes);
  if (item === undefined) {
    const first = itemTypes[0]!;
    const other = itemTypes.find((t) => unify(first, t) === undefined)!;
    scope.report(
      'PTL3003',
      e.range,
      `this ${of} mixes ${article(first)} and ${article(other)}; Portalis gives every ${of} one element type`,
      of === 'tuple' ? 'Build the tuple without `*`, or convert the elements to one type.' : 'Convert the elements to one type, or use a tuple for a fixed group of different values.',
    );
    return null;
  }
  if (of === 'set' && !hasUnknown(item) && !isHashable(item)) {
    scope.report('PTL3003', e.range, `unhashable type: '${headOf(item)}' (set members must be hashable)`);
    return null;
  }
  const type = of === 'list' ? listOf(item) : of === 'set' ? setOf(item) : tupleNOf(item);
  return { kind: 'display', of, type, elts: elts.map((v, i) => (starred[i] ? v : retype(v, item))), starred };
}

export function lowerDict(e: ast.Dict, scope: Scope): TExpr | null {
  const keys: TExpr[] = [];
  const values: TExpr[] = [];
  let ok = true;
  e.keys.forEach((k, i) => {
    if (k === null) {
      scope.report('PTL2002', e.values[i]!.range, '`**` entries in dict displays are not supported', 'Use `d.update(other)` or `d | other`.');
      ok = false;
      return;
    }
    const kv = lowerValue(k, scope);
    const vv = lowerValue(e.values[i]!, scope);
    if (kv === null || vv === null) {
      ok = false;
      return;
    }
    keys.push(kv);
    values.push(vv);
  });
  if (!ok) return null;
  const kt = commonType(keys.map((k) => k.type));
  const vt = commonType(values.map((v) => v.type));
  if (kt === undefined || vt === undefined) {
    scope.report(
      'PTL3003',
      e.range,
      kt === undefined ? 'the keys of this dict have different types' : 'the values of this dict have different types',
      'Portalis gives every dict one key type and one value type; convert them, or use a tuple as the value.',
    );
    return null;
  }
  if (!hasUnknown(kt) && !isHashable(kt)) {
    scope.report('PTL3003', e.range, `unhashable type: '${headOf(kt)}' (dict keys must be hashable)`);
    return null;
  }
  return { kind: 'dictDisplay', type: dictOf(kt, vt), keys: keys.map((k) => retype(k, kt)), values: values.map((v) => retype(v, vt)) };
}

/** An int index (bools count as ints, as in Python). */
function intIndex(e: ast.Expr_, scope: Scope, what: string): TExpr | null {
  const v = lowerValue(e, scope);
  if (v === null) return null;
  if (v.type === 'int' || v.type === 'bool') return toInt(v);
  scope.report('PTL3003', e.range, `${what} indices must be integers or slices, not ${v.type}`);
  return null;
}

function optionalInt(e: ast.Expr_ | null, scope: Scope): TExpr | null | undefined {
  if (e === null) return null;
  if (e.type === 'Constant' && e.kind === 'None') return null;
  const v = lowerValue(e, scope);
  if (v === null) return undefined;
  if (v.type === 'int' || v.type === 'bool') return toInt(v);
  scope.report('PTL3003', e.range, 'slice indices must be integers or None');
  return undefined;
}

/** `x[i]`, `x[a:b:c]`, `d[k]`. */
export function lowerSubscript(e: ast.Subscript, scope: Scope): TExpr | null {
  const value = lowerValue(e.value, scope);
  if (value === null) return null;
  const head = headOf(value.type);
  if (e.slice.type === 'Slice') {
    if (head !== 'list' && head !== 'str' && head !== 'tuple' && head !== 'range') {
      scope.report('PTL3003', e.range, `${article(value.type)} cannot be sliced`);
      return null;
    }
    const lower = optionalInt(e.slice.lower, scope);
    const upper = optionalInt(e.slice.upper, scope);
    const step = optionalInt(e.slice.step, scope);
    if (lower === undefined || upper === undefined || step === undefined) return null;
    let type = value.type;
    const parts = tupleParts(value.type);
    if (parts) {
      const item = commonType(parts);
      const picked = item === undefined ? pickFields(parts.length, lower, upper, step) : undefined;
      if (picked) return { kind: 'op', type: tupleOf(picked.map((i) => parts[i]!)), op: 'tuple.pick', args: [value, ...picked.map((i) => intLit(i))] };
      if (item === undefined) {
        scope.report('PTL3003', e.range, `slicing ${article(value.type)} whose fields have different types is not supported`);
        return null;
      }
      type = tupleNOf(item);
    }
    return { kind: 'slice', type, value, lower, upper, step };
  }
  switch (head) {
    case 'range': {
      const index = intIndex(e.slice, scope, 'range object');
      return index === null ? null : { kind: 'index', type: 'int', value, index };
    }
    case 'list':
    case 'str': {
      const index = intIndex(e.slice, scope, head === 'str' ? 'string' : 'list');
      if (index === null) return null;
      return { kind: 'index', type: head === 'str' ? 'str' : elementOf(value.type)!, value, index };
    }
    case 'tuple': {
      const parts = tupleParts(value.type);
      if (parts === undefined) {
        const index = intIndex(e.slice, scope, 'tuple');
        return index === null ? null : { kind: 'index', type: elementOf(value.type)!, value, index };
      }
      const index = intIndex(e.slice, scope, 'tuple');
      if (index === null) return null;
      if (index.kind === 'literal' && index.type === 'int') {
        const n = BigInt(parts.length);
        const i = index.value < 0n ? index.value + n : index.value;
        if (i < 0n || i >= n) {
          // CPython raises IndexError when the line runs; the value's type never matters.
          return { kind: 'op', type: parts[0] ?? 'int', op: 'tuple.index_error', args: [value] };
        }
        return { kind: 'index', type: parts[Number(i)]!, value, index: { kind: 'literal', type: 'int', value: i } };
      }
      const item = commonType(parts);
      if (item === undefined) {
        scope.report('PTL3003', e.slice.range, `indexing ${article(value.type)} with a computed index: its fields have different types, so the result type would depend on the value`, 'Index with a literal (`t[0]`), or unpack the tuple.');
        return null;
      }
      return { kind: 'index', type: item, value, index };
    }
    case 'dict': {
      const [k, v] = dictParts(value.type)!;
      const key = lowerValue(e.slice, scope);
      if (key === null) return null;
      const converted = convertTo(key, k, e.slice.range, scope.report, 'the key');
      return converted === null ? null : { kind: 'index', type: v, value, index: converted };
    }
    default:
      scope.report('PTL3003', e.range, `'${head}' object is not subscriptable`);
      return null;
  }
}

/**
 * A value used where type `to` is expected (an argument, a key, an element):
 * the same type, `?` parts filled in, bool as int, an int literal as float,
 * a T as Optional[T], None as an empty Optional.
 */
export function convertTo(v: TExpr, to: Ty, range: SourceRange, report: Report, what: string): TExpr | null {
  if (v.type === to) return v;
  if (hasUnknown(v.type) && unify(v.type, to) === to) return retype(v, to);
  if (to === 'int' && v.type === 'bool') return toInt(v);
  if (to === 'float' && (v.type === 'int' || v.type === 'bool') && (v.kind === 'literal' || v.type === 'bool')) {
    return v.kind === 'literal' && v.type === 'int' ? { kind: 'literal', type: 'float', value: Number(v.value) } : { kind: 'convert', type: 'float', operand: v };
  }
  if (to.startsWith('Union[')) {
    // A member's value goes into its variant (only an exact member: an int stays an int in CPython).
    const index = unionParts(to)!.indexOf(v.type);
    if (index >= 0) return { kind: 'op', type: to, op: 'union.wrap', args: [v, { kind: 'literal', type: 'int', value: BigInt(index) }] };
  }
  if (to.startsWith('Optional[')) {
    if (v.type === 'None' && v.kind === 'call') {
      report('PTL2002', range, `the result of \`${v.func}()\` (always None) cannot be stored as ${what} yet`, 'Call the function as a statement, then use None.');
      return null;
    }
    if (v.type === 'None') return { kind: 'none', type: to };
    const inner = elementOf(to)!;
    const c = convertTo(v, inner, range, () => {}, what);
    if (c !== null) return { kind: 'some', type: to, operand: c };
  }
  report('PTL3003', range, `${what} should be ${article(to)} but is ${article(v.type)}`);
  return null;
}

// ── comprehensions ───────────────────────────────────────────────────────

/** A scope with extra local names (comprehension variables shadow outer names). */
export function withLocals(scope: Scope, names: ReadonlyMap<string, Ty>): Scope {
  return {
    ...scope,
    local(name) {
      const t = names.get(name);
      if (t !== undefined) return { type: t };
      return scope.local(name);
    },
  };
}

/** Binds a `for` target to the item type; returns the target and the names it binds. */
export function bindTarget(t: ast.Expr_, item: Ty, report: Report, names: Map<string, Ty>): Target | null {
  if (t.type === 'Name') {
    names.set(t.id, item);
    return { kind: 'name', name: t.id, type: item };
  }
  if (t.type === 'Tuple' || t.type === 'List') {
    const parts = tupleParts(item);
    const elem = parts ? undefined : iterItemOf(item);
    if (parts && parts.length !== t.elts.length) {
      report('PTL3003', t.range, `cannot unpack ${article(item)} into ${t.elts.length} names (${parts.length === 0 ? 'not enough' : parts.length < t.elts.length ? 'not enough' : 'too many'} values)`);
      return null;
    }
    if (!parts && elem === undefined) {
      report('PTL3003', t.range, `${article(item)} cannot be unpacked`);
      return null;
    }
    const elts = t.elts.map((x, i) => bindTarget(x, parts ? parts[i]! : elem!, report, names));
    if (elts.some((x) => x === null)) return null;
    return { kind: 'unpack', elts: elts as Target[], starred: null, type: item };
  }
  report('PTL2009', t.range, 'this comprehension target is not supported', 'Use names or tuples of names.');
  return null;
}

export function lowerComprehension(e: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp, scope: Scope): TExpr | null {
  const names = new Map<string, Ty>();
  let inner = scope;
  const clauses: CompClause[] = [];
  for (const g of e.generators) {
    if (g.is_async) {
      scope.report('PTL2006', g.range, 'async comprehensions are not supported');
      return null;
    }
    const iter = lowerValue(g.iter, inner);
    if (iter === null) return null;
    const item = iterItemOf(iter.type);
    if (item === undefined) {
      scope.report('PTL3003', g.iter.range, `${article(iter.type)} is not iterable here`);
      return null;
    }
    const target = bindTarget(g.target, item, scope.report, names);
    if (target === null) return null;
    inner = withLocals(scope, new Map(names));
    const ifs = g.ifs.map((c) => lowerTest(c, inner));
    if (ifs.some((c) => c === null)) return null;
    clauses.push({ target, iter, ifs: ifs as TExpr[] });
  }
  const locals = [...names].map(([name, type]) => ({ name, type }));
  if (e.type === 'DictComp') {
    const key = lowerValue(e.key, inner);
    const value = lowerValue(e.value, inner);
    if (key === null || value === null) return null;
    if (!isHashable(key.type)) {
      scope.report('PTL3003', e.key.range, `unhashable type: '${headOf(key.type)}' (dict keys must be hashable)`);
      return null;
    }
    return { kind: 'comp', of: 'dict', type: dictOf(key.type, value.type), elt: key, value, clauses, locals };
  }
  const elt = lowerValue(e.elt, inner);
  if (elt === null) return null;
  if (e.type === 'SetComp') {
    if (!isHashable(elt.type)) {
      scope.report('PTL3003', e.elt.range, `unhashable type: '${headOf(elt.type)}' (set members must be hashable)`);
      return null;
    }
    return { kind: 'comp', of: 'set', type: setOf(elt.type), elt, value: null, clauses, locals };
  }
  // A generator expression is consumed eagerly into a list where it is
  // allowed (as the argument of sum/min/max/any/all/sorted/list/...): the
  // callers check that; the values and their order are the same.
  return { kind: 'comp', of: 'list', type: listOf(elt.type), elt, value: null, clauses, locals };
}

// ── f-strings ────────────────────────────────────────────────────────────

const CONVERSIONS: Readonly<Record<number, 's' | 'r' | 'a' | null>> = { [-1]: null, 115: 's', 114: 'r', 97: 'a' };

export function lowerFString(e: ast.JoinedStr, scope: Scope): TExpr | null {
  const parts: FStringExpr['parts'][number][] = [];
  let ok = true;
  for (const p of e.values) {
    if (p.type === 'Constant') {
      if (p.kind === 'str') parts.push({ text: p.value });
      continue;
    }
    const value = lowerValue(p.value, scope);
    const spec = p.format_spec ? lowerFString(p.format_spec, scope) : null;
    if (value === null || (p.format_spec && spec === null)) {
      ok = false;
      continue;
    }
    const conversion = CONVERSIONS[p.conversion] ?? null;
    if (conversion === 'a') {
      scope.report('PTL2007', p.range, 'the `!a` conversion (ascii()) is not supported');
      ok = false;
      continue;
    }
    parts.push({ value, conversion, spec: spec && spec.kind === 'literal' && spec.type === 'str' && spec.value === '' ? null : spec });
  }
  if (!ok) return null;
  if (parts.every((p) => 'text' in p)) return strLiteral(parts.map((p) => (p as { text: string }).text).join(''));
  return { kind: 'fstring', type: 'str', parts };
}

/** For messages and hints: the printed form of a type node, re-exported for callers that build types. */
export { parseTy, printTy };

const intLit = (i: number): TExpr => ({ kind: 'literal', type: 'int', value: BigInt(i) });

/** The field numbers `t[lower:upper:step]` picks from a tuple of n fields when the bounds are literals (CPython's slice rules). */
function pickFields(n: number, lower: TExpr | null, upper: TExpr | null, step: TExpr | null): number[] | undefined {
  const lit = (x: TExpr | null): bigint | null | undefined => (x === null ? null : x.kind === 'literal' && x.type === 'int' ? x.value : undefined);
  const [lo, hi, st] = [lit(lower), lit(upper), lit(step)];
  if (lo === undefined || hi === undefined || st === undefined || st === 0n) return undefined;
  const s = st ?? 1n;
  const len = BigInt(n);
  const clamp = (v: bigint | null, dflt: bigint): bigint => {
    if (v === null) return dflt;
    let x = v < 0n ? v + len : v;
    if (s > 0n) x = x < 0n ? 0n : x > len ? len : x;
    else x = x < 0n ? -1n : x >= len ? len - 1n : x;
    return x;
  };
  const start = clamp(lo, s > 0n ? 0n : len - 1n);
  const stop = clamp(hi, s > 0n ? len : -1n);
  const out: number[] = [];
  for (let i = start; s > 0n ? i < stop : i > stop; i += s) out.push(Number(i));
  return out;
}
