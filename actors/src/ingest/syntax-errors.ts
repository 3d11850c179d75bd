/**
 * Explains a tree-sitter parse failure the way CPython would. tree-sitter
 * marks the failure with ERROR nodes (tokens it could not fit) and MISSING
 * nodes (tokens it invented); this finds the first one in the source and
 * picks CPython's message for the common shapes: a compound statement header
 * without its ':', an assignment to something that cannot be assigned, two
 * expressions with no operator or comma between them. Anything else is
 * "invalid syntax" at the token where the parse went wrong.
 */
import type { SyntaxErrorInfo } from './convert-context.js';
import type { TsNode, TsTree } from './parser.js';
import { findBadTokenPair } from './error-tokens.js';
import { explainExpressionError } from './explain-expression-errors.js';
import { describeInvalidAugTarget, describeInvalidTarget } from './invalid-target.js';
import { AUG_OPERATORS } from './operators.js';
import { BLOCK_OWNERS } from './block-owners.js';

const AUG_TOKENS = new Set(Object.keys(AUG_OPERATORS));

const COMPOUND_KEYWORDS = new Set(['if', 'elif', 'else', 'while', 'for', 'def', 'class', 'with', 'try', 'except', 'finally', 'async', 'match', 'case']);

/** The first ERROR or MISSING node in source order. */
export function firstErrorNode(tree: TsTree): TsNode | null {
  let node: TsNode = tree.rootNode;
  if (!node.hasError) return null;
  for (;;) {
    if (node.isError || node.isMissing) return node;
    const next: TsNode | undefined = node.children.find((c) => c.hasError || c.isMissing || c.isError);
    if (next === undefined) return node.isError ? node : null;
    node = next;
  }
}

/**
 * `if x:` followed by an unindented line: tree-sitter gives the `if` an empty
 * block and fails later; CPython reports the missing block.
 */
function emptyBlockBefore(tree: TsTree, limit: number, source: string): SyntaxErrorInfo | null {
  for (const block of tree.rootNode.descendantsOfType('block')) {
    if (block.startIndex > limit) break;
    if (block.children.some((c) => c.isNamed)) continue;
    const owner = block.parent;
    const what = owner ? BLOCK_OWNERS[owner.type] : undefined;
    if (!owner || what === undefined) continue;
    const line = owner.startPosition.row + 1;
    const colon = owner.children.find((c) => c.type === ':');
    const at = nextTokenStart(source, colon ? colon.endIndex : block.startIndex);
    const re = /\s*/y;
    re.lastIndex = at;
    re.exec(source);
    // Only a real missing block: the next line is not indented deeper than the header.
    const headerIndent = indentOf(source, owner.startIndex);
    if (re.lastIndex < source.length && indentOf(source, re.lastIndex) > headerIndent) continue;
    return { message: `expected an indented block after ${what} on line ${line}`, start: re.lastIndex, end: re.lastIndex, kind: 'IndentationError' };
  }
  return null;
}

/** Width of the indentation of the line holding `offset`. */
function indentOf(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  let w = 0;
  while (source[i] === ' ' || source[i] === '\t') {
    w = source[i] === '\t' ? (Math.floor(w / 8) + 1) * 8 : w + 1;
    i++;
  }
  return w;
}

/** Offset where the line holding `offset` ends (before its line break). */
function lineEnd(source: string, offset: number): number {
  const m = /[\r\n]/g;
  m.lastIndex = offset;
  const found = m.exec(source);
  return found ? found.index : source.length;
}

/** Whether only indentation precedes `offset` on its line. */
function startsStatement(source: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = source[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t' && c !== '\f') return c === ';';
  }
  return true;
}

function nextTokenStart(source: string, offset: number): number {
  const re = /[ \t\f]*(?:#[^\r\n]*)?/y;
  re.lastIndex = offset;
  re.exec(source);
  return re.lastIndex;
}

/** The parse error tree-sitter found, with CPython's wording where the shape is recognised. */
export function explainParseError(
  tree: TsTree,
  source: string,
): (SyntaxErrorInfo & { readonly generic: boolean; readonly spanEnd: number }) | null {
  const node = firstErrorNode(tree);
  if (node === null) return null;
  const empty = emptyBlockBefore(tree, node.endIndex, source);
  if (empty) return { ...empty, generic: false, spanEnd: node.endIndex };
  return { ...explainNode(node, source), spanEnd: node.endIndex };
}

const CLAUSE_KEYWORDS = new Set(['else', 'elif', 'except', 'finally']);
const AUG_BEFORE = /(?:\*\*|\/\/|>>|<<|[-+*/%@&|^])=\s*$/;

function explainNode(node: TsNode, source: string): SyntaxErrorInfo & { readonly generic: boolean } {
  const generic = (e: SyntaxErrorInfo): SyntaxErrorInfo & { generic: boolean } => ({ ...e, generic: e.message === 'invalid syntax' });
  if (node.isMissing) {
    const at = node.startIndex;
    if (node.type === ':') return { message: "expected ':'", start: at, end: at, generic: false };
    // CPython stops at the token that follows the gap.
    const next = nextTokenStart(source, at);
    return { message: 'invalid syntax', start: next, end: next + 1, generic: true };
  }

  const children = node.children;
  const first = children[0];

  const inExpression = explainExpressionError(node, source);
  if (inExpression) return inExpression;

  if (first?.type === '=') {
    const parent = node.parent;
    const prev = node.previousSibling;
    // `if x = 1:`
    if (parent && prev && ['if_statement', 'elif_clause', 'while_statement'].includes(parent.type) && prev.isNamed) {
      const value = children[1] ?? first;
      return { message: "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", start: prev.startIndex, end: value.endIndex, generic: false };
    }
    // `f() += 1` reads as `f() + (error) 1`: an augmented assignment to something that cannot take one.
    if (parent?.type === 'binary_operator' && prev && !prev.isNamed && prev.endIndex === first.startIndex) {
      const target = parent.children[0];
      const described = target ? describeInvalidAugTarget(target, source) : null;
      if (described) return { ...described, generic: false };
    }
  }

  // `else:` with no statement to belong to.
  if (first && !first.isNamed && CLAUSE_KEYWORDS.has(first.type) && startsStatement(source, first.startIndex)) {
    return { message: 'invalid syntax', start: first.startIndex, end: first.endIndex, generic: true };
  }

  // `for 1 in x:`: the loop target cannot be assigned.
  if (first?.type === 'for') {
    const inAt = children.findIndex((c) => c.type === 'in');
    const target = children[1];
    if (inAt === 2 && target) {
      const described = describeInvalidTarget(target, source, false);
      if (described) return { ...described, generic: false };
    }
  }

  const atStatementStart = first !== undefined && startsStatement(source, first.startIndex);
  const header = first && !first.isNamed && COMPOUND_KEYWORDS.has(first.type) && atStatementStart;
  if (header) {
    const headerEnd = lineEnd(source, first.startIndex);
    const onHeader = children.filter((c) => c.startIndex < headerEnd);
    // `if x = 1:`
    const eq = onHeader.findIndex((c) => c.type === '=');
    if (eq > 1 && ['if', 'elif', 'while'].includes(first.type)) {
      const cond = onHeader[1]!;
      return { message: "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", start: cond.startIndex, end: onHeader[eq + 1]?.endIndex ?? onHeader[eq]!.endIndex, generic: false };
    }
    // `class = 1`: the keyword needs a name after it.
    const second = children[1];
    if ((first.type === 'def' || first.type === 'class') && second && second.type !== 'identifier') {
      return { message: 'invalid syntax', start: second.startIndex, end: second.endIndex, generic: true };
    }
  }

  // `1 = x`, `f() = 1`, `(a, 1) = 2`, `a + 1 += 1`: an expression before '=' or '+='.
  for (let i = 1; i < children.length; i++) {
    const op = children[i]!;
    if (op.type !== '=' && !AUG_TOKENS.has(op.type)) continue;
    const target = children[i - 1]!;
    // `x += 1 = 2`: the '=' itself is the error.
    if (AUG_BEFORE.test(source.slice(lineStartOf(source, target.startIndex), target.startIndex))) {
      if (op.type === '=') return { message: 'invalid syntax', start: op.startIndex, end: op.endIndex, generic: true };
      break;
    }
    const described =
      op.type === '='
        ? describeInvalidTarget(target, source, i === 1 && node.startIndex === target.startIndex && startsStatement(source, target.startIndex))
        : describeInvalidAugTarget(target, source);
    if (described) return { ...described, generic: false };
  }

  // `x = 1 if 2`: a conditional expression without its else.
  const ifAt = children.findIndex((c) => c.type === 'if');
  if (ifAt > 0 && children[ifAt - 1]!.isNamed && !children.some((c) => c.type === 'else')) {
    const body = children[ifAt - 1]!;
    const test = children[ifAt + 1];
    if (test?.isNamed) return { message: "expected 'else' after 'if' expression", start: body.startIndex, end: test.endIndex, generic: false };
  }

  // Two operands side by side, or an operator with no operand after it.
  const next = nextTokenStart(source, node.endIndex);
  const pair = findBadTokenPair(source, node.startIndex, next);
  if (pair) return generic(pair);

  // `if x` / `def f()` / `for a in b` with the ':' forgotten: CPython says
  // "expected ':'" right after the last token of the header line.
  if (header) {
    const headerEnd = lineEnd(source, first.startIndex);
    const onHeader = children.filter((c) => c.startIndex < headerEnd);
    if (!onHeader.some((c) => c.type === ':')) {
      const last = onHeader[onHeader.length - 1] ?? first;
      return { message: "expected ':'", start: last.endIndex, end: last.endIndex, generic: false };
    }
  }

  // The statement could not be completed: CPython reports the token after it.
  if (first && first.startIndex === node.startIndex && (children.length > 1 || (!first.isNamed && atStatementStart))) {
    return { message: 'invalid syntax', start: next, end: next + 1, generic: true };
  }
  return { message: 'invalid syntax', start: node.startIndex, end: Math.max(node.endIndex, node.startIndex + 1), generic: true };
}

function lineStartOf(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  return i;
}
