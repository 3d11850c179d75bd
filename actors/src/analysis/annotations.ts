/**
 * Type annotations to types (ty.ts): `int`, `float`, `bool`, `str`, `None`,
 * `list[int]`, `dict[str, int]`, `set[T]`, `frozenset[T]`, `tuple[A, B]`,
 * `tuple[T, ...]`, `Optional[T]`, `T | None`, `Callable[[A], R]`, the
 * `typing` spellings (`List`, `Dict`, `Set`, `FrozenSet`, `Tuple`,
 * `Optional`, `Union[T, None]`, `Callable`), string annotations (`'int'`),
 * and bare `list`/`dict`/`set`/`tuple` whose element types are then
 * inferred (`?`). Anything else is PTL3002.
 */
import type * as ast from '../ingest/ast.js';
import type { Report } from './report.js';
import { callableOf, dictOf, frozensetOf, listOf, optionalOf, setOf, tupleNOf, tupleOf, type Ty, UNKNOWN } from './ty.js';

const SCALARS = new Set(['int', 'float', 'bool', 'str']);
const GENERIC: Readonly<Record<string, string>> = {
  list: 'list',
  List: 'list',
  dict: 'dict',
  Dict: 'dict',
  set: 'set',
  Set: 'set',
  frozenset: 'frozenset',
  FrozenSet: 'frozenset',
  tuple: 'tuple',
  Tuple: 'tuple',
  Optional: 'Optional',
  Union: 'Union',
  Callable: 'Callable',
  Sequence: 'list',
  Iterable: 'list',
  Mapping: 'dict',
};

const BARE: Readonly<Record<string, Ty>> = {
  list: listOf(UNKNOWN),
  List: listOf(UNKNOWN),
  dict: dictOf(UNKNOWN, UNKNOWN),
  Dict: dictOf(UNKNOWN, UNKNOWN),
  set: setOf(UNKNOWN),
  Set: setOf(UNKNOWN),
  frozenset: frozensetOf(UNKNOWN),
  FrozenSet: frozensetOf(UNKNOWN),
};

class Unsupported extends Error {
  constructor(readonly node: ast.Expr_, readonly why: string) {
    super(why);
  }
}

function nameOf(e: ast.Expr_): string | null {
  if (e.type === 'Name') return e.id;
  // `typing.List` / `t.Optional`: the attribute name is what matters.
  if (e.type === 'Attribute' && e.value.type === 'Name') return e.attr;
  return null;
}

function convert(e: ast.Expr_, source: string, allowNone: boolean): Ty {
  if (e.type === 'Constant' && e.kind === 'None') {
    if (allowNone) return 'None';
    throw new Unsupported(e, '`None` is only a type as a return type or inside `Optional[...]`');
  }
  if (e.type === 'Constant' && e.kind === 'str') {
    const text = e.value.trim();
    if (SCALARS.has(text)) return text;
    if (text === 'None' && allowNone) return 'None';
    throw new Unsupported(e, 'string annotations are only supported for int, float, bool and str');
  }
  if (e.type === 'BinOp' && e.op === 'BitOr') {
    const parts = [e.left, e.right];
    const none = parts.filter((p) => p.type === 'Constant' && p.kind === 'None');
    const other = parts.filter((p) => !(p.type === 'Constant' && p.kind === 'None'));
    if (none.length === 1 && other.length === 1) return optionalOf(convert(other[0]!, source, false));
    if (none.length === 0) {
      // `A | B | C` nests to the left.
      const members: ast.Expr_[] = [];
      const flat = (x: ast.Expr_): void => (x.type === 'BinOp' && x.op === 'BitOr' ? (flat(x.left), flat(x.right)) : void members.push(x));
      flat(e);
      if (!members.some((m) => m.type === 'Constant' && m.kind === 'None')) return unionOf(e, members.map((m) => convert(m, source, false)));
    }
    throw new Unsupported(e, 'unions are only supported as `T | None` or of 2 to 4 types without None');
  }
  const name = nameOf(e);
  if (name !== null) {
    if (SCALARS.has(name)) return name;
    if (name === 'None' && allowNone) return 'None';
    const bare = BARE[name];
    if (bare) return bare;
    throw new Unsupported(e, `the type \`${source.slice(e.range.start.offset, e.range.end.offset)}\` is not supported`);
  }
  if (e.type === 'Subscript') {
    const head = nameOf(e.value);
    const kind = head ? GENERIC[head] : undefined;
    if (!kind) throw new Unsupported(e, `the type \`${source.slice(e.range.start.offset, e.range.end.offset)}\` is not supported`);
    const args = e.slice.type === 'Tuple' ? e.slice.elts : [e.slice];
    const one = (): Ty => {
      if (args.length !== 1) throw new Unsupported(e, `\`${head}[...]\` takes one type`);
      return convert(args[0]!, source, false);
    };
    switch (kind) {
      case 'list':
        return listOf(one());
      case 'set':
        return setOf(one());
      case 'frozenset':
        return frozensetOf(one());
      case 'Optional':
        return optionalOf(one());
      case 'dict':
        if (args.length !== 2) throw new Unsupported(e, '`dict[...]` takes a key type and a value type');
        return dictOf(convert(args[0]!, source, false), convert(args[1]!, source, false));
      case 'tuple': {
        if (args.length === 2 && args[1]!.type === 'Constant' && args[1]!.kind === 'Ellipsis') return tupleNOf(convert(args[0]!, source, false));
        if (args.length === 1 && args[0]!.type === 'Tuple' && args[0]!.elts.length === 0) return tupleOf([]);
        return tupleOf(args.map((a) => convert(a, source, false)));
      }
      case 'Union': {
        const none = args.filter((p) => p.type === 'Constant' && p.kind === 'None');
        const other = args.filter((p) => !(p.type === 'Constant' && p.kind === 'None'));
        if (none.length === 1 && other.length === 1) return optionalOf(convert(other[0]!, source, false));
        if (none.length === 0) return unionOf(e, other.map((a) => convert(a, source, false)));
        throw new Unsupported(e, 'unions are only supported as `Union[T, None]` or of 2 to 4 types without None');
      }
      case 'Callable': {
        const [params, ret] = args;
        if (args.length !== 2 || params!.type !== 'List') throw new Unsupported(e, 'write `Callable[[ArgType, ...], ReturnType]`');
        return callableOf(
          params.elts.map((p) => convert(p, source, false)),
          convert(ret!, source, true),
        );
      }
    }
  }
  throw new Unsupported(e, `the type \`${source.slice(e.range.start.offset, e.range.end.offset)}\` is not supported`);
}

/**
 * The type an annotation names. `allowNone`: a return annotation may be
 * `None`. Unsupported annotations are reported (PTL3002) and give undefined.
 */
export function annotationType(e: ast.Expr_, source: string, report: Report, allowNone: boolean): Ty | undefined {
  try {
    return convert(e, source, allowNone);
  } catch (err) {
    if (!(err instanceof Unsupported)) throw err;
    report(
      'PTL3002',
      err.node.range,
      err.why,
      'Use int, float, bool, str, list[T], dict[K, V], set[T], tuple[...], Optional[T] or Callable[[...], R]' + (allowNone ? ', or None.' : '.'),
    );
    return undefined;
  }
}

/** `Union[A, B, ...]` of 2 to 4 distinct member types (containers area: narrowing.ts, rt union.rs). */
function unionOf(e: ast.Expr_, members: Ty[]): Ty {
  const distinct = [...new Set(members)];
  if (distinct.length === 1) return distinct[0]!;
  if (distinct.length > 4 || distinct.some((m) => m.startsWith('Optional[') || m.startsWith('Union['))) {
    throw new Unsupported(e, 'unions are supported with 2 to 4 member types, none of them Optional or a union');
  }
  return `Union[${distinct.join(', ')}]`;
}
