/**
 * Locates a generic syntax error at the token CPython would blame. tree-sitter
 * reports where its error region starts, which is often the start of the
 * statement; CPython reports the first token it could not accept. This
 * tokenizes the statement around the error region and looks for the first
 * pair of neighbouring tokens that no Python program contains: an operator
 * followed by something that cannot start an operand (`x = 1 +` then end of
 * line, `5 +* 3`), or two operands with nothing between them (`x = 1 2`,
 * `f(a b)`, where CPython asks "Perhaps you forgot a comma?").
 *
 * Only used on the error path, on one statement, so it favours clarity over
 * speed.
 */
import type { SyntaxErrorInfo } from './convert-context.js';

interface Token {
  readonly kind: 'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE';
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Bracket depth before this token. */
  readonly depth: number;
}

const TOKEN = new RegExp(
  [
    String.raw`(?<ws>[ \t\f]+|\\\r?\n|#[^\r\n]*)`,
    String.raw`(?<nl>\r\n|\r|\n)`,
    String.raw`(?<str>(?:[rRbBuUfF]{1,2})?(?:'''[\s\S]*?'''|"""[\s\S]*?"""|'(?:\\.|[^'\\\r\n])*'|"(?:\\.|[^"\\\r\n])*"))`,
    String.raw`(?<num>(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?|0[xXoObB][\da-fA-F_]+)`,
    String.raw`(?<name>[\p{ID_Start}_][\p{ID_Continue}]*)`,
    String.raw`(?<op>\*\*=|//=|>>=|<<=|->|:=|\.\.\.|[-+*/%@&|^<>=!]=|\*\*|//|<<|>>|[-+*/%@&|^~<>=.,:;()\[\]{}])`,
  ].join('|'),
  'uy',
);

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
/** Names that are keywords only in some positions (`match x:`, `type X = int`). */
const SOFT_KEYWORDS = new Set(['match', 'case', 'type', '_', 'print', 'exec']);
const VALUE_KEYWORDS = new Set(['False', 'None', 'True']);

const BINARY_OPERATORS = new Set(['+', '-', '*', '/', '//', '%', '@', '**', '<<', '>>', '&', '|', '^', '==', '!=', '<', '<=', '>', '>=']);
const ASSIGN_OPERATORS = new Set(['=', '+=', '-=', '*=', '/=', '//=', '%=', '@=', '**=', '<<=', '>>=', '&=', '|=', '^=', ':=']);
const OPERAND_KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'elif', 'while']);
/** Tokens that can never begin an operand. */
const NOT_OPERAND_START = new Set([
  ')', ']', '}', ',', ':', ';', '.', '->', '/', '//', '%', '@', '<<', '>>', '&', '|', '^', '==', '!=', '<', '<=', '>', '>=',
  ...ASSIGN_OPERATORS,
]);

function tokenize(source: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let comment = -1;
  TOKEN.lastIndex = from;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (m === null || m[0] === '') break;
    const g = m.groups!;
    if (g.ws !== undefined) {
      if (m[0].startsWith('#')) comment = at;
      continue;
    }
    if (g.nl !== undefined) {
      const nlAt = comment >= 0 ? comment : at;
      comment = -1;
      if (depth === 0) {
        out.push({ kind: 'NEWLINE', text: m[0], start: nlAt, end: nlAt, depth });
        if (at >= to) break;
      }
      continue;
    }
    const kind = g.str !== undefined ? 'STRING' : g.num !== undefined ? 'NUMBER' : g.name !== undefined ? 'NAME' : 'OP';
    out.push({ kind, text: m[0], start: at, end: TOKEN.lastIndex, depth });
    if (m[0] === '(' || m[0] === '[' || m[0] === '{') depth++;
    else if ((m[0] === ')' || m[0] === ']' || m[0] === '}') && depth > 0) depth--;
  }
  if (TOKEN.lastIndex >= source.length) {
    out.push({ kind: 'NEWLINE', text: '', start: source.length, end: source.length, depth });
  }
  return out;
}

function isOperand(t: Token): boolean {
  if (t.kind === 'NUMBER' || t.kind === 'STRING') return true;
  return t.kind === 'NAME' && (!KEYWORDS.has(t.text) || VALUE_KEYWORDS.has(t.text));
}

function endsOperand(t: Token): boolean {
  return isOperand(t) || t.text === ')' || t.text === ']' || t.text === '}';
}

function expectsOperand(t: Token): boolean {
  if (t.kind === 'OP') return BINARY_OPERATORS.has(t.text) || ASSIGN_OPERATORS.has(t.text) || t.text === '~';
  return t.kind === 'NAME' && OPERAND_KEYWORDS.has(t.text);
}

function cannotStartOperand(t: Token, prev: Token): boolean {
  if (t.kind === 'NEWLINE') return true;
  if (t.kind === 'NAME') return ['and', 'or', 'in', 'is', 'else', 'if'].includes(t.text) && !(prev.text === 'not' && t.text === 'in');
  if (t.kind !== 'OP') return false;
  if (t.text === '*' || t.text === '**') return !ASSIGN_OPERATORS.has(prev.text) || prev.text === ':=';
  return NOT_OPERAND_START.has(t.text);
}

/** Where the statement holding `offset` starts (the first token on its line). */
function lineStart(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  return i;
}

/**
 * The first impossible token pair in the statement around [start, end), up to
 * and including the first token after `end`; null when none is found.
 */
export function findBadTokenPair(source: string, start: number, end: number): SyntaxErrorInfo | null {
  const tokens = tokenize(source, lineStart(source, start), end);
  // Depth of the statement's own start: tokens before the region may sit inside brackets opened earlier.
  for (let k = 1; k < tokens.length; k++) {
    const a = tokens[k - 1]!;
    const b = tokens[k]!;
    if (b.start > end && a.end > end) break;
    if (expectsOperand(a) && cannotStartOperand(b, a)) {
      return { message: 'invalid syntax', start: b.start, end: Math.max(b.end, b.start + 1) };
    }
    const juxtaposed = endsOperand(a) && isOperand(b) && !(a.kind === 'STRING' && b.kind === 'STRING');
    const exempt = (k === 1 && SOFT_KEYWORDS.has(a.text)) || (a.kind === 'NAME' && b.kind === 'STRING');
    if (juxtaposed && !exempt) {
      const inDef = tokens[0]?.text === 'def' || (tokens[0]?.text === 'async' && tokens[1]?.text === 'def');
      if (b.depth > 0 && !inDef) {
        // CPython's range covers both expressions; the first one starts after the last ',' or bracket.
        let first = k - 1;
        while (first > 0) {
          const t = tokens[first - 1]!;
          if (t.depth < b.depth || (t.depth === b.depth && (t.text === ',' || t.text === ':'))) break;
          first--;
        }
        return { message: 'invalid syntax. Perhaps you forgot a comma?', start: tokens[first]!.start, end: b.end };
      }
      return { message: 'invalid syntax', start: b.start, end: b.end };
    }
  }
  return null;
}
