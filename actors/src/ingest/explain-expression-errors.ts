/**
 * CPython's messages for parse failures inside expressions that tree-sitter
 * marks with an ERROR node: a walrus whose target is not a name, `**x` as a
 * dict comprehension's entry, a slice with a third colon. syntax-errors.ts
 * asks here before its generic explanations.
 */
import type { SyntaxErrorInfo } from './convert-context.js';
import { kindName } from './invalid-target.js';
import type { TsNode } from './parser.js';

export function explainExpressionError(node: TsNode, source: string): (SyntaxErrorInfo & { readonly generic: boolean }) | null {
  const children = node.children;
  // `(a.b := 1)`: tree-sitter reads `:` `=` after the target.
  for (let i = 1; i + 1 < children.length; i++) {
    const colon = children[i]!;
    const eq = children[i + 1]!;
    if (colon.type !== ':' || eq.type !== '=' || colon.endIndex !== eq.startIndex) continue;
    const target = children[i - 1]!;
    const kind = kindName(target.type, source.slice(target.startIndex, target.endIndex)) ?? 'expression';
    const what = target.type === 'attribute' ? 'attribute' : target.type === 'subscript' ? 'subscript' : kind;
    return { message: `cannot use assignment expressions with ${what}`, start: target.startIndex, end: target.endIndex, generic: false };
  }
  // `{**a for a in b}`
  const parent = node.parent;
  if (parent?.type === 'dictionary_splat' && parent.parent?.type === 'dictionary') {
    const forAt = children.findIndex((c) => source.slice(c.startIndex, c.endIndex) === 'for');
    if (forAt > 0) {
      return { message: 'dict unpacking cannot be used in dict comprehension', start: parent.startIndex, end: children[forAt - 1]!.endIndex, generic: false };
    }
  }
  // `(lambda)`: a lambda with neither parameters nor ':' fails at the next token.
  if (children.length === 1 && children[0]!.type === 'lambda' && !children[0]!.isNamed) {
    const re = /[ \t\f]*/y;
    re.lastIndex = node.endIndex;
    re.exec(source);
    return { message: 'invalid syntax', start: re.lastIndex, end: re.lastIndex + 1, generic: true };
  }
  // `x[a:b:c:d]`: the third colon.
  const next = node.nextSibling;
  if (children.length === 1 && children[0]!.type === 'slice' && next?.type === 'slice' && next.startIndex === node.endIndex) {
    return { message: 'invalid syntax', start: next.startIndex, end: next.startIndex + 1, generic: true };
  }
  return null;
}
