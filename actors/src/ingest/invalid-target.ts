/**
 * CPython's messages for assigning to something that cannot be assigned
 * (`1 = x`, `f() = 1`, `(a, 1) = 2`, `a + 1 += 1`). tree-sitter rejects these
 * as plain ERROR nodes; this names the offending expression the way
 * CPython's `_PyPegen_get_expr_name` does and picks its wording.
 */
import type { SyntaxErrorInfo } from './convert-context.js';
import type { TsNode } from './parser.js';

const SEQUENCES = new Set(['tuple', 'list', 'expression_list', 'pattern_list', 'tuple_pattern', 'list_pattern']);
const ASSIGNABLE = new Set(['identifier', 'attribute', 'subscript']);

/** CPython's name for an expression that cannot be a target; null when it can. */
export function expressionKindName(node: TsNode, source: string): string | null {
  return kindName(node.type, source.slice(node.startIndex, node.endIndex));
}

/** The same from a node type and its text, for callers holding CST nodes. */
export function kindName(type: string, text: string): string | null {
  switch (type) {
    case 'integer':
    case 'float':
    case 'concatenated_string':
      return 'literal';
    case 'string':
      return /^[A-Za-z]*[fF]/.test(text) ? 'f-string expression' : 'literal';
    case 'none':
      return 'None';
    case 'list_splat':
    case 'list_splat_pattern':
      return 'starred';
    case 'true':
      return 'True';
    case 'false':
      return 'False';
    case 'ellipsis':
      return 'ellipsis';
    case 'call':
      return 'function call';
    case 'binary_operator':
    case 'unary_operator':
    case 'boolean_operator':
    case 'not_operator':
      return 'expression';
    case 'comparison_operator':
      return 'comparison';
    case 'conditional_expression':
      return 'conditional expression';
    case 'lambda':
      return 'lambda';
    case 'yield':
      return 'yield expression';
    case 'await':
      return 'await expression';
    case 'named_expression':
      return 'named expression';
    case 'dictionary':
      return 'dict literal';
    case 'set':
      return 'set display';
    case 'list_comprehension':
      return 'list comprehension';
    case 'set_comprehension':
      return 'set comprehension';
    case 'dictionary_comprehension':
      return 'dict comprehension';
    case 'generator_expression':
      return 'generator expression';
    default:
      return null;
  }
}

function parenthesizedInner(node: TsNode): TsNode | null {
  if (node.type !== 'parenthesized_expression') return null;
  return node.children.find((c) => c.isNamed) ?? null;
}

/** The first sub-expression of a target that cannot be assigned, with whether it sits inside a list display. */
function findInvalid(node: TsNode, source: string, inList: boolean): { node: TsNode; kind: string; inList: boolean } | null {
  const inner = parenthesizedInner(node);
  if (inner) return findInvalid(inner, source, inList);
  if (SEQUENCES.has(node.type)) {
    // CPython's "Maybe you meant '=='" hint is not given inside a list or a parenthesized tuple.
    const list = inList || node.type === 'list' || node.type === 'list_pattern' || node.type === 'tuple' || node.type === 'tuple_pattern';
    for (const elt of node.children) {
      if (!elt.isNamed) continue;
      const target = elt.type === 'list_splat' || elt.type === 'list_splat_pattern' ? elt.children.find((c) => c.isNamed) : elt;
      if (!target) continue;
      const found = findInvalid(target, source, list);
      if (found) return found;
    }
    return null;
  }
  if (ASSIGNABLE.has(node.type)) return null;
  const kind = expressionKindName(node, source);
  return kind === null ? null : { node, kind, inList };
}

/**
 * Message for `target = ...` where `target` is not assignable; null when it
 * is (the error is elsewhere). `statementStart` says whether the target is the
 * first thing in the statement, where CPython adds its "Maybe you meant '=='"
 * hint.
 */
export function describeInvalidTarget(target: TsNode, source: string, statementStart: boolean): SyntaxErrorInfo | null {
  const found = findInvalid(target, source, false);
  if (found === null) return null;
  const { node, kind } = found;
  const plain = !statementStart || found.inList || ['comparison', 'conditional expression', 'lambda', 'None', 'True', 'False'].includes(kind) ||
    node.type === 'boolean_operator' || node.type === 'not_operator';
  const message = plain ? `cannot assign to ${kind}` : `cannot assign to ${kind} here. Maybe you meant '==' instead of '='?`;
  return { message, start: node.startIndex, end: node.endIndex };
}

/** Message for `target += ...` where `target` is not a name, attribute or subscript. */
export function describeInvalidAugTarget(target: TsNode, source: string): SyntaxErrorInfo | null {
  const inner = parenthesizedInner(target) ?? target;
  if (ASSIGNABLE.has(inner.type)) return null;
  const kind = SEQUENCES.has(inner.type) ? (inner.type.startsWith('list') ? 'list' : 'tuple') : expressionKindName(inner, source);
  if (kind === null) return null;
  return { message: `'${kind}' is an illegal expression for augmented assignment`, start: target.startIndex, end: target.endIndex };
}
