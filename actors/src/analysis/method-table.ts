/**
 * The methods of the builtin types, as Python signatures over the receiver's
 * type parameters: `E` (list/set/tuple element), `K`, `V` (dict key and
 * value). A parameter with `= ?` is optional (left out: null in the IR);
 * parameters before `/` are positional-only, as in CPython's signatures.
 * `Iterable[E]` accepts any value iterating over E (list, set, tuple, str,
 * dict keys, range...). Transpile maps each `<class>.<method>` to Rust
 * (transpile/methods.ts).
 */

import { splitTop } from './ty.js';

export const METHODS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  str: {
    split: '(sep: Optional[str] = ?, maxsplit: int = ?) -> list[str]',
    rsplit: '(sep: Optional[str] = ?, maxsplit: int = ?) -> list[str]',
    join: '(iterable: Iterable[str], /) -> str',
    strip: '(chars: Optional[str] = ?, /) -> str',
    lstrip: '(chars: Optional[str] = ?, /) -> str',
    rstrip: '(chars: Optional[str] = ?, /) -> str',
    replace: '(old: str, new: str, count: int = ?, /) -> str',
    upper: '() -> str',
    lower: '() -> str',
    casefold: '() -> str',
    title: '() -> str',
    capitalize: '() -> str',
    swapcase: '() -> str',
    startswith: '(prefix: str, start: Optional[int] = ?, end: Optional[int] = ?, /) -> bool',
    endswith: '(suffix: str, start: Optional[int] = ?, end: Optional[int] = ?, /) -> bool',
    find: '(sub: str, start: Optional[int] = ?, end: Optional[int] = ?, /) -> int',
    rfind: '(sub: str, start: Optional[int] = ?, end: Optional[int] = ?, /) -> int',
    index: '(sub: str, start: Optional[int] = ?, end: Optional[int] = ?, /) -> int',
    rindex: '(sub: str, start: Optional[int] = ?, end: Optional[int] = ?, /) -> int',
    count: '(sub: str, start: Optional[int] = ?, end: Optional[int] = ?, /) -> int',
    isdigit: '() -> bool',
    isdecimal: '() -> bool',
    isnumeric: '() -> bool',
    isalpha: '() -> bool',
    isalnum: '() -> bool',
    isspace: '() -> bool',
    isupper: '() -> bool',
    islower: '() -> bool',
    istitle: '() -> bool',
    isidentifier: '() -> bool',
    isascii: '() -> bool',
    isprintable: '() -> bool',
    zfill: '(width: int, /) -> str',
    center: '(width: int, fillchar: str = ?, /) -> str',
    ljust: '(width: int, fillchar: str = ?, /) -> str',
    rjust: '(width: int, fillchar: str = ?, /) -> str',
    splitlines: '(keepends: bool = ?) -> list[str]',
    partition: '(sep: str, /) -> tuple[str, str, str]',
    rpartition: '(sep: str, /) -> tuple[str, str, str]',
    expandtabs: '(tabsize: int = ?) -> str',
    removeprefix: '(prefix: str, /) -> str',
    removesuffix: '(suffix: str, /) -> str',
  },
  list: {
    append: '(object: E, /) -> None',
    extend: '(iterable: Iterable[E], /) -> None',
    insert: '(index: int, object: E, /) -> None',
    pop: '(index: int = ?, /) -> E',
    remove: '(value: E, /) -> None',
    index: '(value: E, start: int = ?, stop: int = ?, /) -> int',
    count: '(value: E, /) -> int',
    reverse: '() -> None',
    copy: '() -> list[E]',
    clear: '() -> None',
  },
  dict: {
    get: '(key: K, default: V = ?, /) -> Optional[V]',
    setdefault: '(key: K, default: V, /) -> V',
    pop: '(key: K, default: V = ?, /) -> V',
    popitem: '() -> tuple[K, V]',
    update: '(other: dict[K, V], /) -> None',
    keys: '() -> dict_keys[K, V]',
    values: '() -> dict_values[K, V]',
    items: '() -> dict_items[K, V]',
    copy: '() -> dict[K, V]',
    clear: '() -> None',
  },
  set: {
    add: '(element: E, /) -> None',
    discard: '(element: E, /) -> None',
    remove: '(element: E, /) -> None',
    pop: '() -> E',
    clear: '() -> None',
    copy: '() -> set[E]',
    update: '(other: Iterable[E], /) -> None',
    intersection_update: '(other: Iterable[E], /) -> None',
    difference_update: '(other: Iterable[E], /) -> None',
    symmetric_difference_update: '(other: Iterable[E], /) -> None',
    union: '(other: Iterable[E], /) -> set[E]',
    intersection: '(other: Iterable[E], /) -> set[E]',
    difference: '(other: Iterable[E], /) -> set[E]',
    symmetric_difference: '(other: Iterable[E], /) -> set[E]',
    issubset: '(other: Iterable[E], /) -> bool',
    issuperset: '(other: Iterable[E], /) -> bool',
    isdisjoint: '(other: Iterable[E], /) -> bool',
  },
  frozenset: {
    copy: '() -> frozenset[E]',
    union: '(other: Iterable[E], /) -> frozenset[E]',
    intersection: '(other: Iterable[E], /) -> frozenset[E]',
    difference: '(other: Iterable[E], /) -> frozenset[E]',
    symmetric_difference: '(other: Iterable[E], /) -> frozenset[E]',
    issubset: '(other: Iterable[E], /) -> bool',
    issuperset: '(other: Iterable[E], /) -> bool',
    isdisjoint: '(other: Iterable[E], /) -> bool',
  },
  range: {
    index: '(value: int, /) -> int',
    count: '(value: int, /) -> int',
  },
  tuple: {
    index: '(value: E, start: int = ?, stop: int = ?, /) -> int',
    count: '(value: E, /) -> int',
  },
};

export interface MethodParam {
  readonly name: string;
  /** The type with E/K/V replaced; `Iterable[T]` for "anything iterating over T". */
  readonly type: string;
  readonly optional: boolean;
  readonly positionalOnly: boolean;
}

export interface MethodSignature {
  readonly params: MethodParam[];
  readonly returns: string;
}

/** Substitutes E/K/V in a signature string and parses it. */
export function methodSignature(spec: string, vars: Readonly<Record<string, string>>): MethodSignature {
  const m = /^\((.*)\) -> (.+)$/.exec(spec);
  if (!m) throw new Error(`bad method spec ${spec}`);
  const subst = (t: string): string => t.replace(/\b([EKV])\b/g, (_, v: string) => vars[v] ?? '?');
  const parts = splitTop(m[1]!);
  const slash = parts.indexOf('/');
  const params = parts
    .filter((p) => p !== '/' && p !== '')
    .map((p, i) => {
      const pm = /^(\w+): (.+?)( = \?)?$/.exec(p);
      if (!pm) throw new Error(`bad param ${p}`);
      return { name: pm[1]!, type: subst(pm[2]!), optional: pm[3] !== undefined, positionalOnly: slash >= 0 && i < slash };
    });
  return { params, returns: subst(m[2]!) };
}

