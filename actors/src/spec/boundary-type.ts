/**
 * The types that can cross the JS/WASM boundary, parsed from the canonical
 * type strings of docs/values.md (`int`, `list[float]`, `dict[str, list[int]]`,
 * `tuple[int, ...]`, `Optional[str]`), and their TypeScript spelling.
 *
 * The scalars (`int`, `float`, `bool`, and `None` as a result) cross as WASM
 * values; everything else in the encoding of docs/abi.md ("Values in linear
 * memory"). `range` and `Callable` do not cross at all.
 */

export type BoundaryType =
  | { readonly k: 'int' | 'float' | 'bool' | 'None' | 'str' }
  | { readonly k: 'list' | 'set' | 'frozenset' | 'tupleN' | 'Optional'; readonly e: BoundaryType }
  | { readonly k: 'dict'; readonly key: BoundaryType; readonly value: BoundaryType }
  | { readonly k: 'tuple'; readonly elts: readonly BoundaryType[] };

/** A type string that names no boundary type; `reason` says why. */
export class BoundaryTypeError extends Error {
  constructor(
    readonly type: string,
    readonly reason: string,
  ) {
    super(`type \`${type}\` ${reason}`);
  }
}

import { splitTop } from '../analysis/ty.js';

const ATOMS = new Set(['int', 'float', 'bool', 'None', 'str']);


/** Parses a canonical type string; throws BoundaryTypeError for one that cannot cross. */
export function parseBoundaryType(type: string): BoundaryType {
  const parse = (t: string): BoundaryType => {
    if (ATOMS.has(t)) return { k: t as 'int' };
    if (t === 'range') throw new BoundaryTypeError(type, 'cannot cross the JS boundary (a `range` has no JS counterpart; pass a list)');
    const open = t.indexOf('[');
    if (open < 0 || !t.endsWith(']')) throw new BoundaryTypeError(type, 'is not a type Portalis knows');
    const head = t.slice(0, open);
    const inner = t.slice(open + 1, -1);
    const parts = splitTop(inner);
    const one = (): string => {
      if (parts.length !== 1) throw new BoundaryTypeError(type, `is malformed (\`${head}\` takes one type)`);
      return parts[0]!;
    };
    switch (head) {
      case 'list':
      case 'set':
      case 'frozenset':
        return { k: head, e: parse(one()) };
      case 'Optional': {
        const e = parse(one());
        if (e.k === 'None') throw new BoundaryTypeError(type, 'is malformed (Optional[None])');
        return e.k === 'Optional' ? e : { k: 'Optional', e };
      }
      case 'dict':
        if (parts.length !== 2) throw new BoundaryTypeError(type, 'is malformed (`dict` takes two types)');
        return { k: 'dict', key: parse(parts[0]!), value: parse(parts[1]!) };
      case 'tuple':
        if (inner === '()') return { k: 'tuple', elts: [] };
        if (parts.length === 2 && parts[1] === '...') return { k: 'tupleN', e: parse(parts[0]!) };
        return { k: 'tuple', elts: parts.map(parse) };
      case 'Callable':
        throw new BoundaryTypeError(type, 'cannot cross the JS boundary (functions are not values there)');
      default:
        throw new BoundaryTypeError(type, 'is not a type Portalis knows');
    }
  };
  return parse(type);
}

/** The scalars of ABI version 1, which cross as plain WASM values. */
export function isScalarType(type: string): type is 'int' | 'float' | 'bool' {
  return type === 'int' || type === 'float' || type === 'bool';
}

/**
 * The TypeScript type of a boundary type. `position` 'in' (an argument)
 * accepts read-only containers; 'out' (a result) gives mutable ones the
 * caller owns. Python's `dict` is a `Map` (insertion-ordered like dict, with
 * keys of any type and no prototype keys), `set`/`frozenset` a `Set`.
 */
export function tsTypeOf(t: BoundaryType, intType: 'number' | 'bigint', position: 'in' | 'out'): string {
  const ro = position === 'in' ? 'readonly ' : '';
  const inner = (u: BoundaryType): string => tsTypeOf(u, intType, position);
  const element = (u: BoundaryType): string => {
    const s = inner(u);
    return u.k === 'Optional' ? `(${s})` : s;
  };
  switch (t.k) {
    case 'int':
      return intType;
    case 'float':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'None':
      return 'null';
    case 'str':
      return 'string';
    case 'list':
    case 'tupleN':
      return `${ro}${element(t.e)}[]`;
    case 'set':
    case 'frozenset':
      return `${position === 'in' ? 'ReadonlySet' : 'Set'}<${inner(t.e)}>`;
    case 'dict':
      return `${position === 'in' ? 'ReadonlyMap' : 'Map'}<${inner(t.key)}, ${inner(t.value)}>`;
    case 'tuple':
      return `${ro}[${t.elts.map(inner).join(', ')}]`;
    case 'Optional':
      return `${inner(t.e)} | null`;
  }
}

/** Whether a value of this type has a fixed size in the encoding, and which. */
export function fixedSize(t: BoundaryType): number | null {
  switch (t.k) {
    case 'int':
    case 'float':
      return 8;
    case 'bool':
      return 1;
    case 'None':
      return 0;
    case 'tuple': {
      let n = 0;
      for (const e of t.elts) {
        const s = fixedSize(e);
        if (s === null) return null;
        n += s;
      }
      return n;
    }
    default:
      return null;
  }
}

/** Whether `int` occurs anywhere in the type (the int mode matters for it). */
export function mentionsInt(t: BoundaryType): boolean {
  switch (t.k) {
    case 'int':
      return true;
    case 'list':
    case 'set':
    case 'frozenset':
    case 'tupleN':
    case 'Optional':
      return mentionsInt(t.e);
    case 'dict':
      return mentionsInt(t.key) || mentionsInt(t.value);
    case 'tuple':
      return t.elts.some(mentionsInt);
    default:
      return false;
  }
}

/** The canonical type string (docs/values.md) of a boundary type. */
export function printBoundaryType(t: BoundaryType): string {
  switch (t.k) {
    case 'list':
    case 'set':
    case 'frozenset':
    case 'Optional':
      return `${t.k}[${printBoundaryType(t.e)}]`;
    case 'tupleN':
      return `tuple[${printBoundaryType(t.e)}, ...]`;
    case 'dict':
      return `dict[${printBoundaryType(t.key)}, ${printBoundaryType(t.value)}]`;
    case 'tuple':
      return t.elts.length === 0 ? 'tuple[()]' : `tuple[${t.elts.map(printBoundaryType).join(', ')}]`;
    default:
      return t.k;
  }
}
