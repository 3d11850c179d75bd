/**
 * Rust types of Python types (docs/values.md), and which of them are `Copy`
 * (scalars) — the others are Rc handles that generated code clones on each
 * read, which is how Python's "two names, one object" is kept.
 */
import { parseTy, printTy, type Ty, type TyNode } from '../analysis/ty.js';

function nodeType(n: TyNode): string {
  switch (n.k) {
    case 'int':
      return 'i64';
    case 'float':
      return 'f64';
    case 'bool':
      return 'bool';
    case 'None':
      return '()';
    case 'str':
      return 'Str';
    case 'range':
      return 'Range';
    case '?':
      throw new Error('transpile: a type with unknown parts reached Rust');
    case 'Union':
      return `Union${n.elts.length}<${n.elts.map(nodeType).join(', ')}>`;
    case 'list':
      return `List<${nodeType(n.e)}>`;
    case 'set':
      return `Set<${nodeType(n.e)}>`;
    case 'frozenset':
      return `FrozenSet<${nodeType(n.e)}>`;
    case 'tupleN':
      return `Tuple<${nodeType(n.e)}>`;
    case 'Optional':
      return `Option<${nodeType(n.e)}>`;
    case 'dict':
      return `Dict<${nodeType(n.key)}, ${nodeType(n.value)}>`;
    case 'dict_keys':
      return `DictKeys<${nodeType(n.key)}, ${nodeType(n.value)}>`;
    case 'dict_values':
      return `DictValues<${nodeType(n.key)}, ${nodeType(n.value)}>`;
    case 'dict_items':
      return `DictItems<${nodeType(n.key)}, ${nodeType(n.value)}>`;
    case 'tuple':
      if (n.elts.length === 0) return 'Tuple0';
      return n.elts.length === 1 ? `(${nodeType(n.elts[0]!)},)` : `(${n.elts.map(nodeType).join(', ')})`;
    case 'Callable':
      return `Rc<dyn Fn(${n.params.map(nodeType).join(', ')}) -> PyResult<${nodeType(n.ret)}>>`;
  }
}

export function rustType(t: Ty): string {
  return nodeType(parseTy(t));
}

/** Scalars are `Copy`; everything else is cloned where Python would share the object. */
export function isCopy(t: Ty): boolean {
  return t === 'int' || t === 'float' || t === 'bool' || t === 'None';
}

export { printTy };
