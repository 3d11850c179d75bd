/**
 * f-strings → `JoinedStr`, as CPython 3.11's string parser builds them
 * (Parser/string_parser.c): literal text and replacement fields, `{{`/`}}`,
 * conversions `!s !r !a`, format specs with one level of nested fields,
 * the `=` specifier (its text joins the literal before the field, and it
 * implies `!r` when there is neither conversion nor spec), and adjacent
 * literals, f or not, merged into one Constant between fields.
 *
 * Positions follow 3.11 too: every Constant and FormattedValue spans the
 * whole (concatenated) string, except a format spec's JoinedStr and its
 * last Constant, which span the one string token holding them. A field's
 * expression is parsed on its own as `(expr)` (parseSyntax), like CPython
 * does, and its positions moved into the source (with 3.11's column quirk
 * for a field whose brace ends its line).
 *
 * Errors carry CPython's messages: the string parser's own at the token
 * after the string, the field parser's prefixed with `f-string: `.
 */
import type { SourceRange } from '../diagnostics/diagnostic.js';
import type * as ast from './ast.js';
import type { ConvertContext } from './convert-context.js';
import { unsupportedExpr } from './convert-expr.js';
import type { CstNode } from './cst.js';
import { parseSyntax } from './ingest.js';
import { decodeStr, splitStringToken } from './literals.js';
import { LineIndex } from './positions.js';

/** An error of the string parser itself, reported at the token after the string. */
class FStringError extends Error {}
/** A literal part this AST cannot hold (a `\N{...}` escape, as for plain strings). */
class Unsupported extends Error {}
/** An error already recorded on the context (the field's own parse failed). */
class Reported extends Error {}

interface State {
  /** Literal text waiting for the next field or the end. */
  last: string;
  readonly values: (ast.Constant | ast.FormattedValue)[];
}

interface Scan {
  pos: number;
  readonly end: number;
  readonly raw: boolean;
  /** The string token being read (CPython's `t`). */
  readonly part: CstNode;
}

interface Job {
  readonly ctx: ConvertContext;
  readonly src: string;
  /** The whole concatenation's range (CPython's first_token..last_token). */
  readonly whole: SourceRange;
  readonly uPrefix: boolean;
}

export function convertFString(ctx: ConvertContext, node: CstNode, parts: readonly CstNode[]): ast.Expr_ {
  const first = parts[0] ? splitStringToken(ctx.text(parts[0])) : null;
  const job: Job = { ctx, src: ctx.source, whole: ctx.rangeOf(node), uPrefix: first?.prefixText === 'u' };
  const state: State = { last: '', values: [] };
  try {
    for (const part of parts) {
      const split = splitStringToken(ctx.text(part));
      if (split === null) throw new FStringError('invalid syntax');
      const start = part.start + split.prefixText.length + split.quote.length;
      const scan: Scan = { pos: start, end: start + split.body.length, raw: split.prefix.raw, part };
      if (!split.prefix.format) {
        state.last += decodeLiteral(job, scan, split.body);
        continue;
      }
      concatFString(job, scan, state, 0);
    }
  } catch (e) {
    if (e instanceof FStringError) {
      const at = nextToken(ctx, node.end);
      ctx.error(e.message, at, at);
      return unsupportedExpr(ctx, node, 'Invalid');
    }
    if (e instanceof Reported) return unsupportedExpr(ctx, node, 'Invalid');
    if (e instanceof Unsupported) return unsupportedExpr(ctx, node, 'JoinedStr', e.message);
    throw e;
  }
  return finish(job, state, job.whole, true);
}

function strConstant(job: Job, value: string, range: SourceRange, top: boolean): ast.Constant {
  return top && job.uPrefix
    ? { type: 'Constant', kind: 'str', value, uPrefix: true, range }
    : { type: 'Constant', kind: 'str', value, range };
}

/** CPython's FstringParser_Finish: the pending literal becomes the last Constant. */
function finish(job: Job, state: State, range: SourceRange, top: boolean): ast.JoinedStr {
  const values = [...state.values];
  if (state.last !== '') values.push(strConstant(job, state.last, range, top));
  return { type: 'JoinedStr', values, range };
}

function decodeLiteral(job: Job, scan: Scan, text: string): string {
  const decoded = decodeStr(text, scan.raw);
  if (decoded.ok) return decoded.value;
  if (decoded.unsupported) throw new Unsupported(decoded.message);
  job.ctx.errorAt(scan.part, decoded.message);
  throw new Reported(decoded.message);
}

/** Literal text and fields up to the end of the token (level 0) or the `}` closing a format spec. */
function concatFString(job: Job, scan: Scan, state: State, level: number): void {
  for (;;) {
    const doubled = findLiteral(job, scan, state, level);
    if (doubled) continue;
    if (scan.pos >= scan.end || job.src[scan.pos] === '}') break;
    const field = findExpr(job, scan, state, level);
    if (state.last !== '') {
      state.values.push(strConstant(job, state.last, job.whole, level === 0));
      state.last = '';
    }
    state.values.push(field);
  }
  if (level === 0 && scan.pos < scan.end - 1) throw new FStringError('f-string: unexpected end of string');
  if (level !== 0 && job.src[scan.pos] !== '}') throw new FStringError("f-string: expecting '}'");
}

/** Reads literal text; true when it stopped after a doubled brace (scanning goes on). */
function findLiteral(job: Job, scan: Scan, state: State, level: number): boolean {
  const src = job.src;
  const start = scan.pos;
  let s = scan.pos;
  let doubled = false;
  let stop = scan.end;
  while (s < scan.end) {
    let ch = src[s++]!;
    if (!scan.raw && ch === '\\' && s < scan.end) {
      ch = src[s++]!;
      if (ch === 'N') {
        // `\N{name}`: its braces are not a field.
        if (s < scan.end && src[s++] === '{') while (s < scan.end && src[s++] !== '}');
        continue;
      }
    }
    if (ch === '{' || ch === '}') {
      if (level === 0) {
        if (s < scan.end && src[s] === ch) {
          stop = s;
          scan.pos = s + 1;
          doubled = true;
          break;
        }
        if (ch === '}') throw new FStringError("f-string: single '}' is not allowed");
      }
      s--;
      break;
    }
  }
  if (!doubled) {
    stop = s;
    scan.pos = s;
  }
  if (stop > start) state.last += decodeLiteral(job, scan, src.slice(start, stop));
  return doubled;
}

const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** A replacement field, from its `{` to its `}`; CPython's fstring_find_expr. */
function findExpr(job: Job, scan: Scan, state: State, level: number): ast.FormattedValue {
  const src = job.src;
  if (level >= 2) throw new FStringError('f-string: expressions nested too deeply');
  const brace = scan.pos;
  scan.pos++;
  const exprStart = scan.pos;
  let quote = '';
  let triple = false;
  const stack: string[] = [];
  for (; scan.pos < scan.end; scan.pos++) {
    const ch = src[scan.pos]!;
    if (ch === '\\') throw new FStringError('f-string expression part cannot include a backslash');
    if (quote !== '') {
      if (ch === quote) {
        if (triple) {
          if (scan.pos + 2 < scan.end && src[scan.pos + 1] === ch && src[scan.pos + 2] === ch) {
            scan.pos += 2;
            quote = '';
          }
        } else {
          quote = '';
        }
      }
    } else if (ch === "'" || ch === '"') {
      triple = scan.pos + 2 < scan.end && src[scan.pos + 1] === ch && src[scan.pos + 2] === ch;
      if (triple) scan.pos += 2;
      quote = ch;
    } else if (ch === '[' || ch === '{' || ch === '(') {
      if (stack.length >= 200) throw new FStringError('f-string: too many nested parenthesis');
      stack.push(ch);
    } else if (ch === '#') {
      throw new FStringError("f-string expression part cannot include '#'");
    } else if (stack.length === 0 && (ch === '!' || ch === ':' || ch === '}' || ch === '=' || ch === '>' || ch === '<')) {
      const next = scan.pos + 1 < scan.end ? src[scan.pos + 1] : undefined;
      if (next === '=' && ch !== ':' && ch !== '}') {
        scan.pos++;
        continue;
      }
      if (ch === '>' || ch === '<') continue;
      break;
    } else if (ch === ']' || ch === '}' || ch === ')') {
      const opening = stack.pop();
      if (opening === undefined) throw new FStringError(`f-string: unmatched '${ch}'`);
      if (CLOSERS[ch] !== opening) {
        throw new FStringError(`f-string: closing parenthesis '${ch}' does not match opening parenthesis '${opening}'`);
      }
    }
  }
  const exprEnd = scan.pos;
  if (quote !== '') throw new FStringError('f-string: unterminated string');
  if (stack.length > 0) throw new FStringError(`f-string: unmatched '${stack[stack.length - 1]}'`);
  if (scan.pos >= scan.end) throw new FStringError("f-string: expecting '}'");

  const value = compileExpr(job, scan.part, brace, exprStart, exprEnd);

  let debugText = false;
  if (src[scan.pos] === '=') {
    scan.pos++;
    while (scan.pos < scan.end && /[ \t\n\r\f\v]/.test(src[scan.pos]!)) scan.pos++;
    if (scan.pos >= scan.end) throw new FStringError("f-string: expecting '}'");
    state.last += src.slice(exprStart, scan.pos).replace(/\r\n?/g, '\n');
    debugText = true;
  }
  let conversion = -1;
  if (src[scan.pos] === '!') {
    scan.pos++;
    if (scan.pos >= scan.end) throw new FStringError("f-string: expecting '}'");
    const c = src[scan.pos]!;
    scan.pos++;
    if (c !== 's' && c !== 'r' && c !== 'a') throw new FStringError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    conversion = c.charCodeAt(0);
  }
  let format_spec: ast.JoinedStr | null = null;
  if (scan.pos < scan.end && src[scan.pos] === ':') {
    scan.pos++;
    if (scan.pos >= scan.end) throw new FStringError("f-string: expecting '}'");
    const spec: State = { last: '', values: [] };
    concatFString(job, scan, spec, level + 1);
    const token = job.ctx.rangeOf(scan.part);
    format_spec = finish(job, spec, token, false);
  }
  if (scan.pos >= scan.end || src[scan.pos] !== '}') throw new FStringError("f-string: expecting '}'");
  scan.pos++;
  if (debugText && format_spec === null && conversion === -1) conversion = 'r'.charCodeAt(0);
  return { type: 'FormattedValue', value, conversion, format_spec, range: job.whole };
}

/**
 * Parses a field's expression as CPython does: the text between the braces,
 * wrapped in parentheses, by a parser of its own; then moves its positions
 * into the source.
 */
function compileExpr(job: Job, part: CstNode, brace: number, start: number, end: number): ast.Expr_ {
  const { ctx, src } = job;
  const text = src.slice(start, end);
  if (/^[ \t\n\r\f]*$/.test(text)) {
    const next = src[end];
    if (next === '!' || next === ':' || next === '=') throw new FStringError(`f-string: expression required before '${next}'`);
    throw new FStringError('f-string: empty expression not allowed');
  }
  const simple = simpleField(ctx, text, start);
  if (simple !== null) return simple;
  const sub = `(${text})`;
  const subLines = new LineIndex(sub);
  const braceLine = ctx.lines.lineOf(brace);
  const { module, error } = parseSyntax(sub, subLines);
  if (error !== null) {
    // CPython places the field parser's errors on the field's lines but keeps
    // the columns the error has in the `(expr)` text.
    const at = (offset: number): number => {
      const p = subLines.position(offset);
      return ctx.lines.lineStart(braceLine + p.line - 1) + p.column - 1;
    };
    ctx.error(`f-string: ${error.message}`, at(error.start), at(Math.max(error.start, error.end)), error.kind);
    throw new Reported(error.message);
  }
  const stmt = module?.body[0];
  if (module === null || module.body.length !== 1 || stmt?.type !== 'Expr') {
    ctx.error('f-string: invalid syntax', brace, brace);
    throw new Reported('invalid syntax');
  }
  // 3.11 moves the columns of the field's first line by the token's column
  // alone, not the brace's, when only blanks follow the brace on its line.
  const tokenCol = part.start - ctx.lines.lineStart(ctx.lines.lineOf(part.start));
  const shift = /^[ \t\f]*(?:[\r\n]|$)/.test(src.slice(brace + 1, end)) ? tokenCol : null;
  const delta = start - 1;
  const firstLineEnd = sub.search(/[\r\n]/) < 0 ? sub.length : sub.search(/[\r\n]/);
  const place = (offset: number): SourceRange['start'] => {
    const p = ctx.lines.position(delta + offset);
    if (shift === null || offset > firstLineEnd) return p;
    return { line: p.line, column: shift + offset + 1, offset: p.offset };
  };
  return relocate(stmt.value, (r) => ({ start: place(r.start.offset), end: place(r.end.offset) }));
}

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/**
 * The common field `{name}` or `{obj.attr}` (ASCII names, no keyword) built
 * directly: the same tree the field parser gives, without its cost.
 */
function simpleField(ctx: ConvertContext, text: string, start: number): ast.Expr_ | null {
  const m = /^([ \t]*)([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)[ \t]*$/.exec(text);
  if (m === null) return null;
  const parts = m[2]!.split('.');
  if (parts.some((p) => KEYWORDS.has(p))) return null;
  let at = start + m[1]!.length;
  let value: ast.Expr_ = { type: 'Name', id: parts[0]!, range: ctx.range(at, at + parts[0]!.length) };
  const first = at;
  at += parts[0]!.length;
  for (const attr of parts.slice(1)) {
    at += 1 + attr.length;
    value = { type: 'Attribute', value, attr, range: ctx.range(first, at) };
  }
  return value;
}

/** A copy of an AST subtree with every range moved by `map`. */
function relocate<T>(value: T, map: (r: SourceRange) => SourceRange): T {
  if (Array.isArray(value)) return value.map((v: unknown) => relocate(v, map)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = k === 'range' || k === 'nameRange' ? map(v as SourceRange) : relocate(v, map);
  }
  return out as T;
}

/**
 * Where the token after `offset` starts: CPython reports errors found while
 * joining a string concatenation at the parser's lookahead token. Line
 * breaks inside brackets are not tokens; a logical line's end is.
 */
export function nextToken(ctx: ConvertContext, offset: number): number {
  const src = ctx.source;
  const blank = /(?:[ \t\f]|\\\r?\n|\\\r)*/y;
  let at = offset;
  for (;;) {
    blank.lastIndex = at;
    blank.exec(src);
    at = blank.lastIndex;
    if (src[at] === '#') {
      // A comment ending a logical line is where CPython's NEWLINE token starts.
      if (ctx.newlineWithin(at, at + 1) >= 0) return at;
      while (at < src.length && src[at] !== '\n' && src[at] !== '\r') at++;
    }
    if (at >= src.length || (src[at] !== '\n' && src[at] !== '\r') || ctx.newlineWithin(at, at + 1) >= 0) return at;
    at += src[at] === '\r' && src[at + 1] === '\n' ? 2 : 1;
  }
}
