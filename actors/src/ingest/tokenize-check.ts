/**
 * The checks CPython's tokenizer makes and tree-sitter's lexer does not:
 * indentation (unexpected indent, unindent that matches no outer level, tabs
 * mixed inconsistently with spaces), unterminated strings, unmatched or
 * unclosed brackets, malformed number literals (`0777`, `1_`, `0x`), and
 * characters that cannot start any token.
 *
 * tree-sitter silently accepts several of these (a module-level line indented
 * by two spaces, `1_`, a dedent to a column no block started at), so this scan
 * runs on every source. It is one pass over the characters, a small fraction
 * of the parse time.
 *
 * Errors come in two phases, which ingest.ts uses to pick the one CPython
 * reports first: 'token' errors are the tokenizer's own (CPython reports them
 * even over a generic "invalid syntax" found earlier), 'parse' errors are
 * tokens the parser rejects where they stand (a stray `$`, an indent no block
 * asked for).
 */
import type { SyntaxErrorInfo } from './convert-context.js';

export interface TokenErrors {
  /**
   * The first tokenizer error, if any. `overrides` says whether CPython's
   * tokenizer raises it directly (strings, numbers, characters, unmatched
   * brackets), so that it replaces a parse error found earlier in the file;
   * indentation and line-continuation errors do not.
   */
  readonly token: (SyntaxErrorInfo & { readonly overrides: boolean; readonly seenAt: number }) | null;
  /** The first token the parser would reject where it stands, if any. */
  readonly parse: SyntaxErrorInfo | null;
  /**
   * The innermost bracket still open at the end of the file, if any. CPython
   * reports "'(' was never closed" only when the parser got to the end of the
   * file or failed on a later line than the bracket's.
   */
  readonly unclosed: (SyntaxErrorInfo & { readonly line: number }) | null;
  /**
   * Offsets of the line breaks that end logical lines (CPython's NEWLINE
   * tokens), ascending. A statement may not contain one; tree-sitter
   * sometimes lets a statement run on across one (`x = a .` then `b` on the
   * next line), which the converters check against this list.
   */
  readonly newlines: number[];
  /**
   * [start, end) pairs of text that does not matter to the parse and that the
   * parser is given as spaces: line breaks and comments inside brackets, and
   * backslash continuations. tree-sitter's scanner otherwise reads a
   * continuation line at column 0 inside brackets as a dedent. Same length,
   * so offsets are unchanged.
   */
  readonly blanks: number[];
  /**
   * [start, end) pairs of `type` and `print` at the start of a statement
   * where Python reads them as plain names but tree-sitter's grammar would
   * not: `type(x).y = 1` is an assignment, not a 3.12 `type` alias, and
   * `print >> f` an expression, not a Python 2 print statement. The parser is
   * given underscores there (same length); names are read from the source.
   */
  readonly renames: number[];
  /**
   * [start, end, column] triples for indentation whose width CPython and
   * tree-sitter disagree on: CPython moves a tab to the next multiple of 8,
   * tree-sitter adds 8 (`"    \t"` is column 8 for CPython, 12 for the
   * grammar). The parser is given `column` spaces there instead, which
   * changes lengths, so parser.ts maps offsets back.
   */
  readonly indentFixes: number[];
}

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}\u00b7]/u;
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'br', 'rb', 'f', 'fr', 'rf']);
/** Keywords that may follow a number without a space (`1if x else 2`), with a DeprecationWarning. */
const KEYWORDS_AFTER_NUMBER = new Set(['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or']);
const OPEN: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const CLOSE: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
/** Punctuation and operator characters (ASCII) that can start a token. */
const OPERATOR_CHARS = new Set('+-*/%@&|^~<>=.,:;()[]{}!'.split(''));

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isDigitLike(c: string | undefined): boolean {
  return c !== undefined && /[0-9a-fA-F]/.test(c);
}

function codePointAt(s: string, i: number): string {
  return String.fromCodePoint(s.codePointAt(i)!);
}

export function checkTokens(source: string): TokenErrors {
  let tokenError: (SyntaxErrorInfo & { overrides: boolean; seenAt: number }) | null = null;
  let parseError: SyntaxErrorInfo | null = null;
  /** `seenAt`: where the tokenizer meets the error, which can precede where CPython reports it. */
  const tokenFail = (message: string, start: number, end: number, kind?: SyntaxErrorInfo['kind'], seenAt = start): void => {
    const overrides = kind === undefined && !message.startsWith('unexpected');
    tokenError ??= kind ? { message, start, end, kind, overrides, seenAt } : { message, start, end, overrides, seenAt };
  };
  const parseFail = (message: string, start: number, end: number, kind?: SyntaxErrorInfo['kind']): void => {
    parseError ??= kind ? { message, start, end, kind } : { message, start, end };
  };

  const n = source.length;
  const indents = [0];
  const altIndents = [0];
  const parens: { char: string; offset: number; line: number }[] = [];
  let line = 1;
  let i = 0;
  let atLineStart = true;
  /** The last significant token of the current logical line ('' when none yet). */
  let lastToken = '';
  /** The last token of the previous logical line. */
  let previousLineEnd = '';
  const newlines: number[] = [];
  const blanks: number[] = [];
  const renames: number[] = [];
  const indentFixes: number[] = [];
  let commentAt = -1;

  const lineEndAt = (from: number): number => {
    let j = from;
    while (j < n && source[j] !== '\n' && source[j] !== '\r') j++;
    return j;
  };

  const newline = (): void => {
    // Handles \n, \r\n and \r at i.
    if (source[i] === '\r' && source[i + 1] === '\n') i++;
    i++;
    line++;
  };

  while (i < n && tokenError === null) {
    // ── indentation at the start of a logical line ──
    if (atLineStart) {
      atLineStart = false;
      let col = 0;
      let alt = 0;
      /** The width tree-sitter's scanner gives the indentation: a tab counts 8, wherever it stands. */
      let grammarWidth = 0;
      const lineStart = i;
      while (i < n) {
        const c = source[i];
        if (c === ' ') {
          col++;
          alt++;
          grammarWidth++;
        } else if (c === '\t') {
          col = (Math.floor(col / 8) + 1) * 8;
          alt++;
          grammarWidth += 8;
        } else if (c === '\f') {
          col = 0;
          alt = 0;
          grammarWidth = 0;
        } else break;
        i++;
      }
      if (grammarWidth !== col && parens.length === 0) indentFixes.push(lineStart, i, col);
      const c = source[i];
      const blank = i >= n || c === '#' || c === '\n' || c === '\r' || (c === '\\' && (source[i + 1] === '\n' || source[i + 1] === '\r'));
      if (!blank && parens.length === 0) {
        const top = indents[indents.length - 1]!;
        const altTop = altIndents[altIndents.length - 1]!;
        if (col === top) {
          if (alt !== altTop) tokenFail('inconsistent use of tabs and spaces in indentation', lineStart, i, 'TabError');
        } else if (col > top) {
          if (alt <= altTop) tokenFail('inconsistent use of tabs and spaces in indentation', lineStart, i, 'TabError');
          // ... and 100 levels of indentation (MAXINDENT).
          if (indents.length >= 100) tokenFail('too many levels of indentation', lineStart, i, 'IndentationError');
          indents.push(col);
          altIndents.push(alt);
          if (previousLineEnd !== ':') {
            const at = Math.max(lineStart, i - 1);
            parseFail('unexpected indent', at, at, 'IndentationError');
          }
        } else {
          while (indents.length > 1 && col < indents[indents.length - 1]!) {
            indents.pop();
            altIndents.pop();
          }
          if (col !== indents[indents.length - 1]) {
            const end = lineEndAt(i);
            tokenFail('unindent does not match any outer indentation level', end, end, 'IndentationError', i);
          } else if (alt !== altIndents[altIndents.length - 1]) {
            tokenFail('inconsistent use of tabs and spaces in indentation', lineStart, i, 'TabError');
          }
        }
      }
      continue;
    }

    const c = source[i]!;
    // ── whitespace, comments, line ends ──
    if (c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    if (c === '#') {
      commentAt = i;
      const end = lineEndAt(i);
      if (parens.length > 0) blanks.push(i, end);
      i = end;
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (parens.length > 0) blanks.push(i, source[i] === '\r' && source[i + 1] === '\n' ? i + 2 : i + 1);
      // CPython's NEWLINE token starts at the comment when the line ends with one.
      if (parens.length === 0 && lastToken !== '') newlines.push(commentAt >= 0 ? commentAt : i);
      commentAt = -1;
      newline();
      if (parens.length === 0) {
        if (lastToken !== '') previousLineEnd = lastToken;
        lastToken = '';
        atLineStart = true;
      }
      continue;
    }
    if (c === '\\') {
      const next = source[i + 1];
      if (next === '\n' || next === '\r') {
        const at = i + 1;
        blanks.push(i, next === '\r' && source[i + 2] === '\n' ? i + 3 : i + 2);
        i++;
        newline();
        if (i >= n) tokenFail('unexpected EOF while parsing', at, at);
        continue;
      }
      tokenFail('unexpected character after line continuation character', i + 1, i + 2);
      break;
    }

    // ── identifiers and string prefixes ──
    const cp = codePointAt(source, i);
    if (ID_START.test(cp)) {
      const start = i;
      i += cp.length;
      while (i < n) {
        const d = codePointAt(source, i);
        if (!ID_CONTINUE.test(d)) break;
        i += d.length;
      }
      const word = source.slice(start, i);
      const q = source[i];
      if ((q === '"' || q === "'") && STRING_PREFIXES.has(word.toLowerCase())) {
        scanString(start, i);
        lastToken = 'STRING';
      } else {
        if (lastToken === '' && parens.length === 0 && (word === 'type' || word === 'print') && !startsSoftKeywordStatement(word, i)) {
          renames.push(start, i);
        }
        lastToken = 'NAME';
      }
      continue;
    }
    if (c === '"' || c === "'") {
      scanString(i, i);
      lastToken = 'STRING';
      continue;
    }

    // ── numbers ──
    if (isDigit(c) || (c === '.' && isDigit(source[i + 1]))) {
      scanNumber();
      lastToken = 'NUMBER';
      continue;
    }

    // ── brackets and operators ──
    if (OPEN[c] !== undefined) {
      // CPython's tokenizer allows 200 levels (MAXLEVEL).
      if (parens.length >= 200) tokenFail('too many nested parentheses', i, i + 1);
      parens.push({ char: c, offset: i, line });
      lastToken = c;
      i++;
      continue;
    }
    if (CLOSE[c] !== undefined) {
      const open = parens.pop();
      if (open === undefined) {
        tokenFail(`unmatched '${c}'`, i, i + 1);
      } else if (open.char !== CLOSE[c]) {
        const where = open.line === line ? '' : ` on line ${open.line}`;
        tokenFail(`closing parenthesis '${c}' does not match opening parenthesis '${open.char}'${where}`, i, i + 1);
      }
      lastToken = c;
      i++;
      continue;
    }
    if (OPERATOR_CHARS.has(c)) {
      if (c === '!' && source[i + 1] !== '=') parseFail('invalid syntax', i, i + 1);
      // Multi-character operators only matter here through their last character.
      lastToken = c;
      i++;
      continue;
    }

    // ── anything else cannot start a token ──
    const code = cp.codePointAt(0)!;
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    if (code < 0x80) parseFail('invalid syntax', i, i + 1);
    else if (NON_PRINTABLE.test(cp)) tokenFail(`invalid non-printable character U+${hex}`, i, i + cp.length);
    else tokenFail(`invalid character '${cp}' (U+${hex})`, i, i + cp.length);
    i += cp.length;
    lastToken = '?';
  }

  let unclosed: TokenErrors['unclosed'] = null;
  if (tokenError === null && parens.length > 0) {
    const open = parens[parens.length - 1]!;
    unclosed = { message: `'${open.char}' was never closed`, start: open.offset, end: open.offset + 1, line: open.line };
  }
  return { token: tokenError, parse: parseError, unclosed, newlines, blanks, renames, indentFixes };

  /** Whether `type`/`print` ending at `end` starts the statement tree-sitter knows it for. */
  function startsSoftKeywordStatement(word: string, end: number): boolean {
    const next = /[ \t\f]*(\S?)(\S?)/y;
    next.lastIndex = end;
    const m = next.exec(source)!;
    const first = m[1] ?? '';
    if (word === 'type') return first !== '' && ID_START.test(first);
    return !(first === '>' && m[2] === '>');
  }

  /**
   * An f-string's body is given to the parser as blanks: CPython 3.11 reads
   * an f-string as one token and parses its fields itself (convert-fstring.ts),
   * while tree-sitter would parse the fields with a grammar of its own. Line
   * breaks, and backslashes before them, stay so the lines do not change.
   */
  function blankBody(from: number, to: number): void {
    let k = from;
    while (k < to) {
      let end = k;
      while (end < to && source[end] !== '\n' && source[end] !== '\r' && !(source[end] === '\\' && (source[end + 1] === '\n' || source[end + 1] === '\r'))) {
        end += source[end] === '\\' ? 2 : 1;
      }
      if (end > to) end = to;
      if (end > k) blanks.push(k, end);
      k = end;
      while (k < to && (source[k] === '\n' || source[k] === '\r' || source[k] === '\\')) k++;
    }
  }

  /** Scans a string literal whose prefix starts at `start` and quote at `q`. */
  function scanString(start: number, q: number): void {
    const quote = source[q]!;
    const triple = source[q + 1] === quote && source[q + 2] === quote;
    const startLine = line;
    i = q + (triple ? 3 : 1);
    for (;;) {
      if (i >= n) {
        const lastLine = /[\r\n]$/.test(source) ? line - 1 : line;
        if (triple) tokenFail(`unterminated triple-quoted string literal (detected at line ${Math.max(lastLine, startLine)})`, start, start);
        else tokenFail(`unterminated string literal (detected at line ${line})`, start, start);
        return;
      }
      const ch = source[i]!;
      if (ch === '\\') {
        i++;
        if (source[i] === '\n' || source[i] === '\r') newline();
        else if (i < n) i++;
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        if (!triple) {
          tokenFail(`unterminated string literal (detected at line ${line})`, start, start);
          return;
        }
        newline();
        continue;
      }
      if (ch === quote && (!triple || (source[i + 1] === quote && source[i + 2] === quote))) {
        if (/f/i.test(source.slice(start, q))) blankBody(q + (triple ? 3 : 1), i);
        i += triple ? 3 : 1;
        return;
      }
      i++;
    }
  }

  /** Scans a number literal at i, reporting CPython's messages for malformed ones. */
  function scanNumber(): void {
    const start = i;
    const digits = (valid: (ch: string) => boolean): boolean => {
      // One or more digits, single underscores between them.
      if (!valid(source[i] ?? '')) return false;
      while (i < n) {
        if (valid(source[i]!)) i++;
        else if (source[i] === '_' && valid(source[i + 1] ?? '')) i += 2;
        else break;
      }
      return true;
    };
    const fail = (message: string, at: number): void => tokenFail(message, at, at + 1);
    const checkEnd = (kind: string): void => {
      // A number glued to a name (`1abc`, `1_`, `10L`) is not a literal.
      // CPython blames a dangling '_' itself, otherwise the number's last character.
      if (i >= n) return;
      const next = codePointAt(source, i);
      if (source[i] === '_' || ID_CONTINUE.test(next)) {
        let j = i;
        while (j < n && /[a-z]/.test(source[j]!)) j++;
        if (KEYWORDS_AFTER_NUMBER.has(source.slice(i, j)) && !ID_CONTINUE.test(source[j] ?? ' ')) return;
        fail(`invalid ${kind} literal`, source[i] === '_' && isDigitLike(source[i - 1]) ? i : i - 1);
      }
    };
    const c = source[i];
    const p = source[i + 1]?.toLowerCase();
    if (c === '0' && (p === 'x' || p === 'o' || p === 'b')) {
      i += 2;
      if (source[i] === '_') i++;
      const kind = p === 'x' ? 'hexadecimal' : p === 'o' ? 'octal' : 'binary';
      const valid = p === 'x' ? (ch: string) => /[0-9a-fA-F]/.test(ch) : p === 'o' ? (ch: string) => ch >= '0' && ch <= '7' : (ch: string) => ch === '0' || ch === '1';
      if (!digits(valid)) {
        if (isDigit(source[i])) fail(`invalid digit '${source[i]}' in ${kind} literal`, i);
        else fail(`invalid ${kind} literal`, i - 1);
        return;
      }
      if (isDigit(source[i])) {
        fail(`invalid digit '${source[i]}' in ${kind} literal`, i);
        return;
      }
      checkEnd(kind);
      return;
    }
    let isFloat = false;
    if (c !== '.') {
      digits(isDigit);
      const intPart = source.slice(start, i).replace(/_/g, '');
      const next = source[i];
      const continuesAsFloat = next === '.' || next === 'e' || next === 'E' || next === 'j' || next === 'J';
      if (intPart.length > 1 && intPart[0] === '0' && /[1-9]/.test(intPart) && !continuesAsFloat) {
        tokenFail('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', start, i);
        return;
      }
    }
    if (source[i] === '.') {
      isFloat = true;
      i++;
      if (isDigit(source[i])) digits(isDigit);
    }
    if (source[i] === 'e' || source[i] === 'E') {
      const save = i;
      i++;
      if (source[i] === '+' || source[i] === '-') i++;
      if (!digits(isDigit)) {
        // `1else` is `1 else`; `1e` alone is malformed (reported at the number).
        i = save;
        const word = /[a-z]+/y;
        word.lastIndex = i;
        const m = word.exec(source);
        if (m && KEYWORDS_AFTER_NUMBER.has(m[0]) && !ID_CONTINUE.test(source[word.lastIndex] ?? ' ')) return;
        // CPython blames the exponent's sign, or the digit before a bare 'e'.
        const sign = source[i + 1] === '+' || source[i + 1] === '-';
        fail('invalid decimal literal', sign ? i + 1 : i - 1);
        return;
      }
      isFloat = true;
    }
    if (source[i] === 'j' || source[i] === 'J') {
      i++;
      checkEnd('imaginary');
      return;
    }
    checkEnd(isFloat ? 'decimal' : 'decimal');
  }
}
