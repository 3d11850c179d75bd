/**
 * Types as canonical strings (docs/values.md): `int`, `str`, `list[int]`,
 * `dict[str, list[float]]`, `tuple[int, str]`, `tuple[int, ...]`,
 * `Optional[str]`, `Callable[[int, int], bool]`. Equal types are equal
 * strings, so the IR compares them with `===` and stays plain data.
 *
 * `?` stands for a part not known yet: `[]` is a `list[?]` until an
 * `append`, an annotation or a parameter type says what it holds.
 */

export type Ty = string;

export type TyNode =
  | { readonly k: 'int' | 'float' | 'bool' | 'None' | 'str' | 'range' | '?' }
  | { readonly k: 'list' | 'set' | 'frozenset' | 'tupleN' | 'Optional'; readonly e: TyNode }
  | { readonly k: 'dict' | 'dict_keys' | 'dict_values' | 'dict_items'; readonly key: TyNode; readonly value: TyNode }
  | { readonly k: 'tuple'; readonly elts: readonly TyNode[] }
  | { readonly k: 'Callable'; readonly params: readonly TyNode[]; readonly ret: TyNode }
  /** `Union[A, B, ...]`: 2 to 4 distinct members other than None, in the annotation's order. */
  | { readonly k: 'Union'; readonly elts: readonly TyNode[] };

export const UNKNOWN = '?';

const ATOMS = new Set(['int', 'float', 'bool', 'None', 'str', 'range', '?']);

/** Splits `a, b[c, d], e` at top-level commas. */
export function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(s.slice(start).trim());
  return out;
}

export function parseTy(t: Ty): TyNode {
  if (ATOMS.has(t)) return { k: t as 'int' };
  const open = t.indexOf('[');
  if (open < 0 || !t.endsWith(']')) throw new Error(`not a type: ${t}`);
  const head = t.slice(0, open);
  const inner = t.slice(open + 1, -1);
  const parts = splitTop(inner);
  switch (head) {
    case 'list':
    case 'set':
    case 'frozenset':
    case 'Optional':
      return { k: head, e: parseTy(parts[0]!) };
    case 'dict':
    case 'dict_keys':
    case 'dict_values':
    case 'dict_items':
      return { k: head, key: parseTy(parts[0]!), value: parseTy(parts[1]!) };
    case 'tuple':
      if (inner === '()') return { k: 'tuple', elts: [] };
      if (parts.length === 2 && parts[1] === '...') return { k: 'tupleN', e: parseTy(parts[0]!) };
      return { k: 'tuple', elts: parts.map(parseTy) };
    case 'Union':
      return { k: 'Union', elts: parts.map(parseTy) };
    case 'Callable': {
      const ps = parts[0]!;
      const params = ps === '[]' ? [] : splitTop(ps.slice(1, -1)).map(parseTy);
      return { k: 'Callable', params, ret: parseTy(parts[1]!) };
    }
    default:
      throw new Error(`not a type: ${t}`);
  }
}

export function printTy(n: TyNode): Ty {
  switch (n.k) {
    case 'list':
    case 'set':
    case 'frozenset':
      return `${n.k}[${printTy(n.e)}]`;
    case 'Optional':
      return n.e.k === 'Optional' ? printTy(n.e) : `Optional[${printTy(n.e)}]`;
    case 'tupleN':
      return `tuple[${printTy(n.e)}, ...]`;
    case 'dict':
    case 'dict_keys':
    case 'dict_values':
    case 'dict_items':
      return `${n.k}[${printTy(n.key)}, ${printTy(n.value)}]`;
    case 'tuple':
      return n.elts.length === 0 ? 'tuple[()]' : `tuple[${n.elts.map(printTy).join(', ')}]`;
    case 'Callable':
      return `Callable[[${n.params.map(printTy).join(', ')}], ${printTy(n.ret)}]`;
    case 'Union':
      return `Union[${n.elts.map(printTy).join(', ')}]`;
    default:
      return n.k;
  }
}

export const listOf = (t: Ty): Ty => `list[${t}]`;
/** The members of `Union[A, B, ...]`. */
export function unionParts(t: Ty): Ty[] | undefined {
  const n = parseTy(t);
  return n.k === 'Union' ? n.elts.map(printTy) : undefined;
}
export const setOf = (t: Ty): Ty => `set[${t}]`;
export const frozensetOf = (t: Ty): Ty => `frozenset[${t}]`;
export const dictOf = (k: Ty, v: Ty): Ty => `dict[${k}, ${v}]`;
export const tupleOf = (elts: readonly Ty[]): Ty => (elts.length === 0 ? 'tuple[()]' : `tuple[${elts.join(', ')}]`);
export const tupleNOf = (t: Ty): Ty => `tuple[${t}, ...]`;
export const optionalOf = (t: Ty): Ty => (t.startsWith('Optional[') ? t : `Optional[${t}]`);
export const callableOf = (params: readonly Ty[], ret: Ty): Ty => `Callable[[${params.join(', ')}], ${ret}]`;

export function headOf(t: Ty): string {
  const open = t.indexOf('[');
  return open < 0 ? t : t.slice(0, open);
}

export const isScalar = (t: Ty): boolean => t === 'int' || t === 'float' || t === 'bool';
export const isNumeric = isScalar;
export const hasUnknown = (t: Ty): boolean => t.includes('?');

/** The element type of `list[T]`, `set[T]`, `frozenset[T]`, `tuple[T, ...]`, `Optional[T]`. */
export function elementOf(t: Ty): Ty | undefined {
  const n = parseTy(t);
  return 'e' in n ? printTy(n.e) : undefined;
}

/** What `for x in <t>` gives: list/set/tuple elements, dict keys, str characters, range ints. */
export function iterItemOf(t: Ty): Ty | undefined {
  const n = parseTy(t);
  switch (n.k) {
    case 'list':
    case 'set':
    case 'frozenset':
    case 'tupleN':
      return printTy(n.e);
    case 'dict':
    case 'dict_keys':
      return printTy(n.key);
    case 'dict_values':
      return printTy(n.value);
    case 'dict_items':
      return `tuple[${printTy(n.key)}, ${printTy(n.value)}]`;
    case 'str':
      return 'str';
    case 'range':
      return 'int';
    case 'tuple': {
      const first = n.elts[0];
      if (!first) return undefined;
      const p = printTy(first);
      return n.elts.every((e) => printTy(e) === p) ? p : undefined;
    }
    default:
      return undefined;
  }
}

export function dictParts(t: Ty): [Ty, Ty] | undefined {
  const n = parseTy(t);
  return n.k === 'dict' ? [printTy(n.key), printTy(n.value)] : undefined;
}

export function tupleParts(t: Ty): Ty[] | undefined {
  const n = parseTy(t);
  return n.k === 'tuple' ? n.elts.map(printTy) : undefined;
}

export function callableParts(t: Ty): { params: Ty[]; ret: Ty } | undefined {
  const n = parseTy(t);
  return n.k === 'Callable' ? { params: n.params.map(printTy), ret: printTy(n.ret) } : undefined;
}

/**
 * The common type of two types where `?` parts may be filled in from the
 * other (`list[?]` and `list[int]` give `list[int]`); undefined when they
 * differ elsewhere.
 */
export function unify(a: Ty, b: Ty): Ty | undefined {
  if (a === b) return a;
  const r = unifyNodes(parseTy(a), parseTy(b));
  return r ? printTy(r) : undefined;
}

function unifyNodes(a: TyNode, b: TyNode): TyNode | undefined {
  if (a.k === '?') return b;
  if (b.k === '?') return a;
  if (a.k !== b.k) return undefined;
  if ('e' in a && 'e' in b) {
    const e = unifyNodes(a.e, b.e);
    return e ? { k: a.k, e } : undefined;
  }
  if ((a.k === 'dict' || a.k === 'dict_keys' || a.k === 'dict_values' || a.k === 'dict_items') && a.k === b.k) {
    const key = unifyNodes(a.key, (b as typeof a).key);
    const value = unifyNodes(a.value, (b as typeof a).value);
    return key && value ? { k: a.k, key, value } : undefined;
  }
  if (a.k === 'tuple' && b.k === 'tuple') {
    if (a.elts.length !== b.elts.length) return undefined;
    const elts = a.elts.map((x, i) => unifyNodes(x, b.elts[i]!));
    return elts.every((x) => x) ? { k: 'tuple', elts: elts as TyNode[] } : undefined;
  }
  if (a.k === 'Callable' && b.k === 'Callable') {
    if (a.params.length !== b.params.length) return undefined;
    const params = a.params.map((x, i) => unifyNodes(x, b.params[i]!));
    const ret = unifyNodes(a.ret, b.ret);
    return ret && params.every((x) => x) ? { k: 'Callable', params: params as TyNode[], ret } : undefined;
  }
  return printTy(a) === printTy(b) ? a : undefined;
}

/** Values usable as dict keys and set members (CPython: immutable ones). */
export function isHashable(t: Ty): boolean {
  const n = parseTy(t);
  switch (n.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'str':
    case 'None':
    case 'range':
      return true;
    case 'frozenset':
    case 'tupleN':
    case 'Optional':
      return isHashable(printTy(n.e));
    case 'tuple':
      return n.elts.every((e) => isHashable(printTy(e)));
    default:
      return false;
  }
}

/** Values with `<` (numbers, str, and lists/tuples of ordered values). */
export function isOrdered(t: Ty): boolean {
  const n = parseTy(t);
  switch (n.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'str':
      return true;
    case 'list':
    case 'tupleN':
      return isOrdered(printTy(n.e));
    case 'tuple':
      return n.elts.every((e) => isOrdered(printTy(e)));
    default:
      return false;
  }
}

/** Python's name of a value's class, for messages (`'list'`, `'dict'`). */
export function pyClassName(t: Ty): string {
  const h = headOf(t);
  if (h === 'Optional') return pyClassName(elementOf(t)!);
  if (h === 'None') return 'NoneType';
  if (h === 'Callable') return 'function';
  return h;
}

/** For messages: `an int`, `a list[str]`. */
export function withArticle(t: Ty): string {
  return `${/^[aeiouAEIOU]/.test(t) ? 'an' : 'a'} ${t}`;
}
