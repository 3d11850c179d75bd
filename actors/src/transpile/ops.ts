/**
 * Rust for the typed operations on non-scalar values: `op` nodes
 * (analysis/lower-ops.ts, lower-builtins.ts), methods of the builtin types
 * (analysis/method-table.ts) and comparison links. Each entry prints a call
 * into portalis_rt (actors/rt, docs/values.md) from its printed arguments;
 * a trailing `?` marks the ones that can raise.
 */
import { dictParts, elementOf, headOf, iterItemOf } from '../analysis/ty.js';
import type { TExpr } from '../analysis/types.js';
import { CONTAINERS_METHOD_OPS, CONTAINERS_OPS, containersCompare } from './ops-containers.js';
import { FUNCTIONS_METHOD_OPS, FUNCTIONS_OPS } from './ops-functions.js';
import { IO_METHOD_OPS, IO_OPS } from './ops-io.js';
import { TEXT_METHOD_OPS, TEXT_OPS } from './ops-text.js';

/** How an entry sees its arguments (printed on demand, each at most once). */
export interface OpArgs {
  /** The owned value of argument i (a clone of a local). */
  v(i: number): string;
  /** A reference to argument i (`&x` for a local, no clone). */
  r(i: number): string;
  /** `Some(v)` / `None` for an optional argument. */
  opt(i: number): string;
  /** `Some(&v)` / `None`. */
  optRef(i: number): string;
  /** The items of an iterable argument as a `Vec`. */
  items(i: number): string;
  /** Whether argument i was given. */
  has(i: number): boolean;
  /** The IR of argument i. */
  node(i: number): TExpr | null;
  /** The type of the result. */
  readonly type: string;
}

export type OpEntry = (a: OpArgs) => string;
type Entry = OpEntry;

const fallible = (s: string): string => `${s}?`;

/** `op` nodes. Receivers of methods are argument 0 (see METHODS below). */
const CORE_OPS: Readonly<Record<string, Entry>> = {
  'str.concat': (a) => `str_concat(${a.r(0)}, ${a.r(1)})`,
  'str.repeat': (a) => fallible(`str_repeat(${a.r(0)}, ${a.v(1)})`),
  'list.concat': (a) => `list_concat(${a.r(0)}, ${a.r(1)})`,
  'list.repeat': (a) => `list_repeat(${a.r(0)}, ${a.v(1)})`,
  'list.irepeat': (a) => `list_inplace_repeat(${a.r(0)}, ${a.v(1)})`,
  'tuple.concat': (a) => `tuple_concat(${a.r(0)}, ${a.r(1)})`,
  'tuple.repeat': (a) => `tuple_repeat(&${tupleN(a, 0)}, ${a.v(1)})`,
  'tuple.concat_fixed': (a) => {
    const n0 = tupleArity(a.node(0)!.type);
    const n1 = tupleArity(a.node(1)!.type);
    const fields = [...range(n0).map((i) => `l.${i}`), ...range(n1).map((i) => `r.${i}`)];
    return `{ let l = ${a.v(0)}; let r = ${a.v(1)}; (${fields.join(', ')}${fields.length === 1 ? ',' : ''}) }`;
  },
  'set.union': (a) => `set_union(${a.r(0)}, ${a.r(1)})`,
  'set.intersection': (a) => `set_intersection(${a.r(0)}, ${a.r(1)})`,
  'set.difference': (a) => `set_difference(${a.r(0)}, ${a.r(1)})`,
  'set.symmetric_difference': (a) => `set_symmetric_difference(${a.r(0)}, ${a.r(1)})`,
  'dict.merge': (a) => `dict_or(${a.r(0)}, ${a.r(1)})`,
  'sys.argv': () => 'List::from_vec(sys_argv().into_iter().map(Str::from).collect())',
  'builtin.len': (a) => `py_len(${a.r(0)})`,
  'builtin.str': (a) => `Str::from(str_string(${a.r(0)}))`,
  'builtin.repr': (a) => `Str::from(repr_string(${a.r(0)}))`,
  'builtin.list': (a) => `List::from_vec(${a.items(0)})`,
  'builtin.tuple': (a) => `Tuple::from_vec(${a.items(0)})`,
  'builtin.set': (a) => `Set::from_vec(${a.items(0)})`,
  'builtin.frozenset': (a) => `FrozenSet::from_vec(${a.items(0)})`,
  'builtin.dict_copy': (a) => `dict_copy(${a.r(0)})`,
  'builtin.dict_pairs': (a) => `Dict::from_pairs(${a.items(0)})`,
  'builtin.range': (a) => fallible(`Range::new(${a.v(0)}, ${a.v(1)}, ${a.has(2) ? a.v(2) : '1'})`),
  'builtin.reversed': (a) => `List::from_vec({ let mut v = ${a.items(0)}; v.reverse(); v })`,
  'builtin.enumerate': (a) => `List::from_vec(py_enumerate(${a.items(0)}, ${a.has(1) ? a.v(1) : '0'}))`,
  'builtin.zip1': (a) => `List::from_vec(${a.items(0)}.into_iter().map(|x| (x,)).collect())`,
  'builtin.zip2': (a) => `List::from_vec(py_zip2(${a.items(0)}, ${a.items(1)}))`,
  'builtin.zip3': (a) => `List::from_vec(py_zip3(${a.items(0)}, ${a.items(1)}, ${a.items(2)}))`,
  'builtin.any': (a) => `${a.items(0)}.iter().any(PyValue::py_bool)`,
  'builtin.all': (a) => `${a.items(0)}.iter().all(PyValue::py_bool)`,
  'builtin.sum_int': (a) => fallible(`py_sum_int(${a.items(0)}, ${a.has(1) ? a.v(1) : '0'})`),
  'builtin.sum_bool': (a) => fallible(`py_sum_int(${a.items(0)}.into_iter().map(i64::from).collect(), ${a.has(1) ? a.v(1) : '0'})`),
  'builtin.sum_float': (a) => `py_sum_float(${a.items(0)}, ${a.has(1) ? a.v(1) : '0.0'})`,
  'builtin.sum_int_to_float': (a) => `py_sum_float(${a.items(0)}.into_iter().map(|x| x as f64).collect(), ${a.v(1)})`,
  'builtin.min_iter': (a) => fallible(`py_min(${a.items(0)}, ${a.opt(1)}, "min")`),
  'builtin.max_iter': (a) => fallible(`py_max(${a.items(0)}, ${a.opt(1)}, "max")`),
  'builtin.sorted': (a) => fallible(`py_sorted(${a.items(0)}, ${a.has(1) ? a.v(1) : 'false'})`),
  'builtin.int_str': (a) => fallible(`int_from_str(${a.r(0)}, ${a.v(1)})`),
  'builtin.float_str': (a) => fallible(`float_from_str(${a.r(0)})`),
};

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function tupleArity(t: string): number {
  let depth = 0;
  let n = 1;
  const inner = t.slice(t.indexOf('[') + 1, -1);
  for (const c of inner) {
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ',' && depth === 0) n++;
  }
  return n;
}

function tupleN(a: OpArgs, i: number): string {
  return `Tuple::from_vec(${a.items(i)})`;
}

/** Methods: argument 0 is the receiver, then the method's parameters in order (null where left out). */
const CORE_METHOD_OPS: Readonly<Record<string, Entry>> = {
  // str
  'str.split': (a) => `List::from_vec(str_split(${a.r(0)}, ${optStr(a, 1)}, ${a.has(2) ? a.v(2) : '-1'})?)`,
  'str.rsplit': (a) => `List::from_vec(str_rsplit(${a.r(0)}, ${optStr(a, 1)}, ${a.has(2) ? a.v(2) : '-1'})?)`,
  'str.join': (a) => `str_join(${a.r(0)}, &${a.items(1)})`,
  'str.strip': (a) => `str_strip(${a.r(0)}, ${optStr(a, 1)})`,
  'str.lstrip': (a) => `str_lstrip(${a.r(0)}, ${optStr(a, 1)})`,
  'str.rstrip': (a) => `str_rstrip(${a.r(0)}, ${optStr(a, 1)})`,
  'str.replace': (a) => `str_replace(${a.r(0)}, ${a.r(1)}, ${a.r(2)}, ${a.has(3) ? a.v(3) : '-1'})`,
  'str.upper': (a) => `str_upper(${a.r(0)})`,
  'str.lower': (a) => `str_lower(${a.r(0)})`,
  'str.casefold': (a) => `str_casefold(${a.r(0)})`,
  'str.title': (a) => `str_title(${a.r(0)})`,
  'str.capitalize': (a) => `str_capitalize(${a.r(0)})`,
  'str.swapcase': (a) => `str_swapcase(${a.r(0)})`,
  'str.startswith': (a) => `str_startswith(${a.r(0)}, ${a.r(1)}, ${optInt(a, 2)}, ${optInt(a, 3)})`,
  'str.endswith': (a) => `str_endswith(${a.r(0)}, ${a.r(1)}, ${optInt(a, 2)}, ${optInt(a, 3)})`,
  'str.find': (a) => `str_find(${a.r(0)}, ${a.r(1)}, ${optInt(a, 2)}, ${optInt(a, 3)})`,
  'str.rfind': (a) => `str_rfind(${a.r(0)}, ${a.r(1)}, ${optInt(a, 2)}, ${optInt(a, 3)})`,
  'str.index': (a) => fallible(`str_index_of(${a.r(0)}, ${a.r(1)}, ${optInt(a, 2)}, ${optInt(a, 3)})`),
  'str.rindex': (a) => fallible(`str_rindex(${a.r(0)}, ${a.r(1)}, ${optInt(a, 2)}, ${optInt(a, 3)})`),
  'str.count': (a) => `str_count(${a.r(0)}, ${a.r(1)}, ${optInt(a, 2)}, ${optInt(a, 3)})`,
  'str.isdigit': (a) => `str_isdigit(${a.r(0)})`,
  'str.isdecimal': (a) => `str_isdecimal(${a.r(0)})`,
  'str.isnumeric': (a) => `str_isnumeric(${a.r(0)})`,
  'str.isalpha': (a) => `str_isalpha(${a.r(0)})`,
  'str.isalnum': (a) => `str_isalnum(${a.r(0)})`,
  'str.isspace': (a) => `str_isspace(${a.r(0)})`,
  'str.isupper': (a) => `str_isupper(${a.r(0)})`,
  'str.islower': (a) => `str_islower(${a.r(0)})`,
  'str.istitle': (a) => `str_istitle(${a.r(0)})`,
  'str.isidentifier': (a) => `str_isidentifier(${a.r(0)})`,
  'str.isascii': (a) => `str_isascii(${a.r(0)})`,
  'str.isprintable': (a) => `str_isprintable(${a.r(0)})`,
  'str.zfill': (a) => `str_zfill(${a.r(0)}, ${a.v(1)})`,
  'str.center': (a) => fallible(`str_center(${a.r(0)}, ${a.v(1)}, ${a.optRef(2)})`),
  'str.ljust': (a) => fallible(`str_ljust(${a.r(0)}, ${a.v(1)}, ${a.optRef(2)})`),
  'str.rjust': (a) => fallible(`str_rjust(${a.r(0)}, ${a.v(1)}, ${a.optRef(2)})`),
  'str.splitlines': (a) => `List::from_vec(str_splitlines(${a.r(0)}, ${a.has(1) ? a.v(1) : 'false'}))`,
  'str.partition': (a) => fallible(`str_partition(${a.r(0)}, ${a.r(1)})`),
  'str.rpartition': (a) => fallible(`str_rpartition(${a.r(0)}, ${a.r(1)})`),
  'str.expandtabs': (a) => fallible(`str_expandtabs(${a.r(0)}, ${a.has(1) ? a.v(1) : '8'})`),
  'str.removeprefix': (a) => `str_removeprefix(${a.r(0)}, ${a.r(1)})`,
  'str.removesuffix': (a) => `str_removesuffix(${a.r(0)}, ${a.r(1)})`,
  // list
  'list.append': (a) => `list_append(${a.r(0)}, ${a.v(1)})`,
  'list.extend': (a) => `list_extend(${a.r(0)}, ${a.items(1)})`,
  'list.insert': (a) => `list_insert(${a.r(0)}, ${a.v(1)}, ${a.v(2)})`,
  'list.pop': (a) => fallible(`list_pop(${a.r(0)}, ${a.opt(1)})`),
  'list.remove': (a) => fallible(`list_remove(${a.r(0)}, ${a.r(1)})`),
  'list.index': (a) => fallible(`list_index(${a.r(0)}, ${a.r(1)}, ${a.opt(2)}, ${a.opt(3)})`),
  'list.count': (a) => `list_count(${a.r(0)}, ${a.r(1)})`,
  'list.reverse': (a) => `list_reverse(${a.r(0)})`,
  'list.copy': (a) => `list_copy(${a.r(0)})`,
  'list.clear': (a) => `list_clear(${a.r(0)})`,
  // dict
  'dict.get': (a) => (a.has(2) ? `dict_get_or(${a.r(0)}, ${a.r(1)}, ${a.v(2)})` : `dict_get(${a.r(0)}, ${a.r(1)})`),
  'dict.setdefault': (a) => `dict_setdefault(${a.r(0)}, ${a.v(1)}, ${a.v(2)})`,
  'dict.pop': (a) => (a.has(2) ? `dict_pop_or(${a.r(0)}, ${a.r(1)}, ${a.v(2)})` : fallible(`dict_pop(${a.r(0)}, ${a.r(1)})`)),
  'dict.popitem': (a) => fallible(`dict_popitem(${a.r(0)})`),
  'dict.update': (a) => `dict_update(${a.r(0)}, ${a.r(1)})`,
  'dict.keys': (a) => `DictKeys(${a.v(0)})`,
  'dict.values': (a) => `DictValues(${a.v(0)})`,
  'dict.items': (a) => `DictItems(${a.v(0)})`,
  'dict.copy': (a) => `dict_copy(${a.r(0)})`,
  'dict.clear': (a) => `dict_clear(${a.r(0)})`,
  // set / frozenset
  'set.add': (a) => `set_add(${a.r(0)}, ${a.v(1)})`,
  'set.discard': (a) => `set_discard(${a.r(0)}, ${a.r(1)})`,
  'set.remove': (a) => fallible(`set_remove(${a.r(0)}, ${a.r(1)})`),
  'set.pop': (a) => fallible(`set_pop(${a.r(0)})`),
  'set.clear': (a) => `set_clear(${a.r(0)})`,
  'set.copy': (a) => `set_copy(${a.r(0)})`,
  'set.update': (a) => `set_update_items(${a.r(0)}, ${a.items(1)})`,
  'set.intersection_update': (a) => `set_intersection_update_items(${a.r(0)}, ${a.items(1)})`,
  'set.difference_update': (a) => `set_difference_update_items(${a.r(0)}, ${a.items(1)})`,
  'set.symmetric_difference_update': (a) => `set_symmetric_difference_update_items(${a.r(0)}, ${a.items(1)})`,
  'set.union': (a) => `set_union_items(${a.r(0)}, ${a.items(1)})`,
  'set.intersection': (a) => `set_intersection_items(${a.r(0)}, ${a.items(1)})`,
  'set.difference': (a) => `set_difference_items(${a.r(0)}, ${a.items(1)})`,
  'set.symmetric_difference': (a) => `set_symmetric_difference_items(${a.r(0)}, ${a.items(1)})`,
  'set.issubset': (a) => `set_issubset_items(${a.r(0)}, ${a.items(1)})`,
  'set.issuperset': (a) => `set_issuperset_items(${a.r(0)}, ${a.items(1)})`,
  'set.isdisjoint': (a) => `set_isdisjoint(${a.r(0)}, &Set::from_vec(${a.items(1)}))`,
  'frozenset.copy': (a) => a.v(0),
  'frozenset.union': (a) => `set_union_items(${a.r(0)}, ${a.items(1)})`,
  'frozenset.intersection': (a) => `set_intersection_items(${a.r(0)}, ${a.items(1)})`,
  'frozenset.difference': (a) => `set_difference_items(${a.r(0)}, ${a.items(1)})`,
  'frozenset.symmetric_difference': (a) => `set_symmetric_difference_items(${a.r(0)}, ${a.items(1)})`,
  'frozenset.issubset': (a) => `set_issubset_items(${a.r(0)}, ${a.items(1)})`,
  'frozenset.issuperset': (a) => `set_issuperset_items(${a.r(0)}, ${a.items(1)})`,
  'frozenset.isdisjoint': (a) => `set_isdisjoint(${a.r(0)}, &Set::from_vec(${a.items(1)}))`,
  // tuple (homogeneous)
  'tuple.index': (a) => fallible(`tuple_index(&${tupleN(a, 0)}, ${a.r(1)}, ${a.opt(2)}, ${a.opt(3)})`),
  'tuple.count': (a) => `tuple_count(&${tupleN(a, 0)}, ${a.r(1)})`,
};

/** Every `op` node's Rust, by name. */
export const OPS: Readonly<Record<string, Entry>> = { ...CORE_OPS, ...TEXT_OPS, ...CONTAINERS_OPS, ...FUNCTIONS_OPS, ...IO_OPS };
/** Every method's Rust, by `<class>.<method>`. */
export const METHOD_OPS: Readonly<Record<string, Entry>> = {
  ...CORE_METHOD_OPS,
  ...TEXT_METHOD_OPS,
  ...CONTAINERS_METHOD_OPS,
  ...FUNCTIONS_METHOD_OPS,
  ...IO_METHOD_OPS,
};

function optStr(a: OpArgs, i: number): string {
  const n = a.node(i);
  if (n === null || n.kind === 'none') return 'None';
  if (n.type.startsWith('Optional[')) return `${a.v(i)}.as_ref()`;
  return `Some(${a.r(i)})`;
}

function optInt(a: OpArgs, i: number): string {
  const n = a.node(i);
  if (n === null || n.kind === 'none') return 'None';
  if (n.type.startsWith('Optional[')) return a.v(i);
  return `Some(${a.v(i)})`;
}

/** Comparison links of mode `op` (analysis/lower-ops.ts compareValues): `l` and `r` are the printed operands. */
export function compareOp(op: string, l: { v: string; r: string }, r: { v: string; r: string }, leftType: string, rightType: string): string {
  const area = containersCompare(op, l, r, leftType, rightType);
  if (area !== null) return area;
  switch (op) {
    case 'is_none':
      return `(${l.r}).is_none()`;
    case 'is_not_none':
      return `(${l.r}).is_some()`;
    case 'const_true':
    case 'const_true_of':
      return `{ let _ = ${l.v}; true }`;
    case 'const_false':
    case 'const_false_of':
      return `{ let _ = ${l.v}; false }`;
    case 'str.in':
      return `str_contains(${r.r}, ${l.r})`;
    case 'str.notin':
      return `!str_contains(${r.r}, ${l.r})`;
    case 'value.eq':
      return `py_eq(${l.r}, ${r.r})`;
    case 'value.ne':
      return `!py_eq(${l.r}, ${r.r})`;
    case 'value.lt':
      return `py_lt(${l.r}, ${r.r})`;
    case 'value.le':
      return `py_le(${l.r}, ${r.r})`;
    case 'value.gt':
      return `py_lt(${r.r}, ${l.r})`;
    case 'value.ge':
      return `py_le(${r.r}, ${l.r})`;
    default: {
      const m = /^(\w+)\.(in|notin)$/.exec(op);
      if (m) {
        const neg = m[2] === 'notin' ? '!' : '';
        const head = headOf(rightType);
        const fn = head === 'dict' ? 'dict_contains' : head === 'set' || head === 'frozenset' ? 'set_contains' : head === 'list' ? 'list_contains' : null;
        if (fn) return `${neg}${fn}(${r.r}, ${l.r})`;
        return `${neg}py_items_contain(${r.r}, ${l.r})`;
      }
      throw new Error(`transpile: no Rust for comparison ${op} (${leftType}, ${rightType})`);
    }
  }
}

/** How `for` iterates a value: by index (lists, live), checked dict iterators, or a snapshot of its items. */
export function iterationOf(type: string): 'list' | 'dict_keys' | 'dict_values' | 'dict_items' | 'items' {
  const h = headOf(type);
  if (h === 'list') return 'list';
  if (h === 'dict' || h === 'dict_keys') return 'dict_keys';
  if (h === 'dict_values') return 'dict_values';
  if (h === 'dict_items') return 'dict_items';
  return 'items';
}

export { dictParts, elementOf, iterItemOf };
