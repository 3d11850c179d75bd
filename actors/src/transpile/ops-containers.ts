/**
 * Rust for the containers operations, methods and builtins (see ops.ts for the
 * entry format). Merged into OPS / METHOD_OPS by ops.ts; entries here replace
 * core entries of the same name.
 */
import { headOf, tupleParts, unionParts } from '../analysis/ty.js';
import type { OpArgs, OpEntry } from './ops.js';
import { rustType } from './rust-types.js';

/** `d[k] = v` for each `[key literal, value]` pair from argument `from` on. */
function keywordStores(a: OpArgs, d: string, from: number): string {
  const out: string[] = [];
  for (let i = from; a.has(i); i += 2) {
    const k = a.node(i)!;
    // Keyword names are Python identifiers: no quotes, backslashes or control characters.
    if (k.kind !== 'literal' || k.type !== 'str') throw new Error('transpile: dict keyword names are str literals');
    out.push(`dict_setitem(${d}, Str::from("${k.value}"), ${a.v(i + 1)});`);
  }
  return out.join(' ');
}

const argType = (a: OpArgs, i: number): string => headOf(a.node(i)!.type);

function unionName(t: string): string {
  return `Union${unionParts(t)!.length}`;
}

/** The variant named by argument i (an int literal: the member's index). */
function variant(a: OpArgs, i: number): string {
  const n = a.node(i)!;
  if (n.kind !== 'literal' || n.type !== 'int') throw new Error('transpile: union variants are int literals');
  return 'ABCD'[Number(n.value)]!;
}

export const CONTAINERS_OPS: Readonly<Record<string, OpEntry>> = {
  /** A read of an Optional local that a condition proved not None (analysis/narrowing.ts). */
  'optional.narrowed': (a) => `${a.v(0)}.unwrap()`,
  // Union[...] values (rt union.rs): variant i is the i-th member.
  'union.wrap': (a) => `${unionName(a.type)}::${variant(a, 1)}(${a.v(0)})`,
  'union.narrowed': (a) => `match ${a.v(0)} { ${unionName(a.node(0)!.type)}::${variant(a, 1)}(x) => x, _ => unreachable!() }`,
  'union.isinstance': (a) => {
    const name = unionName(a.node(0)!.type);
    const pats: string[] = [];
    for (let i = 1; a.has(i); i++) pats.push(`${name}::${variant(a, i)}(_)`);
    return pats.length === 0 ? `{ let _ = ${a.r(0)}; false }` : `matches!(${a.r(0)}, ${pats.join(' | ')})`;
  },
  'optional.is_some': (a) => `(${a.r(0)}).is_some()`,
  /** `isinstance(x, C)` decided by x's static type; x is still evaluated. */
  'builtin.isinstance_const': (a) => `{ let _ = ${a.r(0)}; ${a.v(1)} }`,
  'builtin.divmod_int': (a) => `int_divmod(${a.v(0)}, ${a.v(1)})?`,
  'builtin.divmod_float': (a) => `float_divmod(${a.v(0)}, ${a.v(1)})?`,
  'builtin.min_iter_or_none': (a) => `{ let v = ${a.items(0)}; if v.is_empty() { None } else { Some(py_min(v, None, "min")?) } }`,
  'builtin.max_iter_or_none': (a) => `{ let v = ${a.items(0)}; if v.is_empty() { None } else { Some(py_max(v, None, "max")?) } }`,
  // zip(*rows): transposed up to the shortest row (empty when there are no rows).
  'builtin.zip_star': (a) =>
    `{ let rows: Vec<Vec<_>> = ${a.items(0)}.iter().map(|r| PyIterable::py_items(r)).collect(); let n = rows.iter().map(|r| r.len()).min().unwrap_or(0); List::from_vec((0..n).map(|i| Tuple::from_vec(rows.iter().map(|r| r[i].clone()).collect())).collect()) }`,
  'builtin.pow_mod': (a) => `int_pow_mod(${a.v(0)}, ${a.v(1)}, ${a.v(2)})?`,
  'builtin.len': (a) => {
    if (argType(a, 0) === 'range') return `range_len(${a.r(0)})?`;
    // A fixed tuple's length is its arity (the value is still evaluated).
    const parts = tupleParts(a.node(0)!.type);
    if (parts) return `{ let _ = ${a.r(0)}; ${parts.length}i64 }`;
    return `py_len(${a.r(0)})`;
  },
  // set(x) / frozenset(x): sets and dicts are merged as CPython merges them, other iterables added in order.
  'builtin.set': (a) => {
    const h = argType(a, 0);
    if (h === 'set' || h === 'frozenset') return `set_from_set(${a.r(0)})`;
    if (h === 'dict') return `set_from_dict(${a.r(0)})`;
    return `Set::from_vec(${a.items(0)})`;
  },
  'builtin.frozenset': (a) => {
    const h = argType(a, 0);
    if (h === 'frozenset') return a.v(0);
    if (h === 'set') return `frozenset_from_set(${a.r(0)})`;
    if (h === 'dict') return `frozenset_from_dict(${a.r(0)})`;
    return `FrozenSet::from_vec(${a.items(0)})`;
  },
  'dict.with_keywords': (a) => {
    const base = a.has(0) ? a.v(0) : `Dict::<Str, _>::new()`;
    return `{ let d = ${base}; ${keywordStores(a, '&d', 1)} d }`;
  },
  /** `t[i]` with a literal index past the end of a fixed tuple: CPython raises when it runs. */
  'tuple.index_error': (a) => `{ let _ = ${a.r(0)}; tuple_index_error::<${rustType(a.type)}>()? }`,
  /** `t[a:b:c]` of a fixed tuple with literal bounds: the picked fields (arguments: the tuple, then the field numbers). */
  'tuple.pick': (a) => {
    const fields: number[] = [];
    for (let i = 1; a.has(i); i++) {
      const n = a.node(i)!;
      if (n.kind !== 'literal' || n.type !== 'int') throw new Error('transpile: tuple.pick takes literal fields');
      fields.push(Number(n.value));
    }
    if (fields.length === 0) return 'Tuple0';
    const t = a.r(0);
    return `{ let t = ${t}; (${fields.map((f) => `t.${f}.clone()`).join(', ')}${fields.length === 1 ? ',' : ''}) }`;
  },
};

/**
 * `a < b` / `a <= b` of fixed tuples of different lengths: the first
 * differing field decides, else the shorter is smaller (CPython's rule).
 */
function tupleOrder(l: string, r: string, n0: number, n1: number, mode: 'lt' | 'le', swap: boolean): string {
  // Operands are evaluated left to right; `a > b` is `b < a`.
  const [x, y, nx, ny] = swap ? ['r', 'l', n1, n0] : ['l', 'r', n0, n1];
  const common = Math.min(nx, ny);
  let out = nx < ny || (mode === 'le' && nx === ny) ? 'true' : 'false';
  for (let i = common - 1; i >= 0; i--) {
    out = `if !py_eq(&${x}.${i}, &${y}.${i}) { py_lt(&${x}.${i}, &${y}.${i}) } else { ${out} }`;
  }
  return `{ let l = ${l}; let r = ${r}; let _ = (&l, &r); ${out} }`;
}

export const CONTAINERS_METHOD_OPS: Readonly<Record<string, OpEntry>> = {
  'dict.update_with': (a) => `{ let d = ${a.r(0)}; ${a.has(1) ? `dict_update(d, ${a.r(1)});` : ''} ${keywordStores(a, 'd', 2)} }`,
  'dict.update_pairs': (a) => `{ let d = ${a.r(0)}; dict_update_pairs(d, ${a.items(1)}); ${keywordStores(a, 'd', 2)} }`,
  'range.index': (a) => `range_index(${a.r(0)}, ${a.v(1)})?`,
  'range.count': (a) => `range_count(${a.r(0)}, ${a.v(1)})`,
};

/** Comparison links on containers that the core table leaves out (ops.ts compareOp asks here first). */
export function containersCompare(op: string, l: { v: string; r: string }, r: { v: string; r: string }, leftType: string, rightType: string): string | null {
  const n0 = tupleParts(leftType)?.length ?? 0;
  const n1 = tupleParts(rightType)?.length ?? 0;
  switch (op) {
    case 'tuple.lt_fixed':
      return tupleOrder(l.r, r.r, n0, n1, 'lt', false);
    case 'tuple.le_fixed':
      return tupleOrder(l.r, r.r, n0, n1, 'le', false);
    case 'tuple.gt_fixed':
      return tupleOrder(l.r, r.r, n0, n1, 'lt', true);
    case 'tuple.ge_fixed':
      return tupleOrder(l.r, r.r, n0, n1, 'le', true);
    case 'tuple.eq_fixed':
      return `{ let _ = (${l.r}, ${r.r}); false }`;
    case 'tuple.ne_fixed':
      return `{ let _ = (${l.r}, ${r.r}); true }`;
    case 'list.is':
      return `list_is(${l.r}, ${r.r})`;
    case 'list.isnot':
      return `!list_is(${l.r}, ${r.r})`;
    case 'dict.is':
      return `dict_is(${l.r}, ${r.r})`;
    case 'dict.isnot':
      return `!dict_is(${l.r}, ${r.r})`;
    case 'set.is':
      return `set_is(${l.r}, ${r.r})`;
    case 'set.isnot':
      return `!set_is(${l.r}, ${r.r})`;
    case 'set.eq':
      return `set_eq(${l.r}, ${r.r})`;
    case 'set.ne':
      return `!set_eq(${l.r}, ${r.r})`;
    case 'set.le':
      return `set_issubset(${l.r}, ${r.r})`;
    case 'set.lt':
      return `set_lt(${l.r}, ${r.r})`;
    case 'set.ge':
      return `set_issuperset(${l.r}, ${r.r})`;
    case 'set.gt':
      return `set_gt(${l.r}, ${r.r})`;
    case 'range.in':
      return headOf(rightType) === 'range' ? `range_contains(${r.r}, ${l.v})` : null;
    case 'range.notin':
      return headOf(rightType) === 'range' ? `!range_contains(${r.r}, ${l.v})` : null;
    default:
      return null;
  }
}
