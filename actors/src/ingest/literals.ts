/**
 * Python literal values from their source text, as CPython computes them:
 * ints (decimal, hex, octal, binary, underscores) as exact bigints, floats
 * correctly rounded, imaginary literals, and str/bytes literals with every
 * escape, raw prefixes and newline normalisation.
 *
 * These functions never throw. Text the tokenizer check (tokenize-check.ts)
 * already rejected yields `null` or an error record; the converters turn that
 * into a diagnostic.
 */

// ── numbers ──────────────────────────────────────────────────────────────

const HEX = /^0[xX](?:_?[0-9a-fA-F])+$/;
const OCT = /^0[oO](?:_?[0-7])+$/;
const BIN = /^0[bB](?:_?[01])+$/;
const DEC = /^(?:[1-9](?:_?[0-9])*|0(?:_?0)*)$/;
const FLOAT = /^(?:[0-9](?:_?[0-9])*\.(?:[0-9](?:_?[0-9])*)?|\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*(?=[eE]))(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;

/** The exact value of an int literal, or null when CPython would reject the text. */
export function parseIntLiteral(text: string): bigint | null {
  if (HEX.test(text) || OCT.test(text) || BIN.test(text) || DEC.test(text)) {
    // BigInt understands 0x/0o/0b prefixes (lower or upper case) once underscores are gone.
    return BigInt(text.replace(/_/g, ''));
  }
  return null;
}

/**
 * The value of a float literal (`1.5`, `1_000.5`, `1e10`, `.5`, `5.`), rounded
 * to nearest like CPython's `float()`; null when CPython would reject the text.
 * JS `Number()` on a decimal string is correctly rounded in V8, as is CPython's
 * dtoa, so the two agree on every input (the differential tests check hard
 * cases).
 */
export function parseFloatLiteral(text: string): number | null {
  if (!FLOAT.test(text)) return null;
  return Number(text.replace(/_/g, ''));
}

export type NumberLiteral =
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'complex'; readonly value: number };

/** Any numeric literal token: int, float, or imaginary (`2j`, `1.5e3J`). */
export function parseNumberLiteral(text: string): NumberLiteral | null {
  const last = text.charCodeAt(text.length - 1);
  if (last === 0x6a /* j */ || last === 0x4a /* J */) {
    const body = text.slice(0, -1);
    // `10j` is an int-looking imaginary, which CPython reads as a float (leading zeros allowed).
    const value = /^[0-9](?:_?[0-9])*$/.test(body) ? Number(body.replace(/_/g, '')) : parseFloatLiteral(body);
    return value === null ? null : { kind: 'complex', value };
  }
  const int = parseIntLiteral(text);
  if (int !== null) return { kind: 'int', value: int };
  const float = parseFloatLiteral(text);
  return float === null ? null : { kind: 'float', value: float };
}

// ── strings ──────────────────────────────────────────────────────────────

export interface StringPrefix {
  readonly raw: boolean;
  readonly bytes: boolean;
  readonly format: boolean;
  /** The lower-case `u` prefix (CPython records it as `kind='u'`). */
  readonly unicode: boolean;
}

const VALID_PREFIXES = new Set(['', 'r', 'u', 'b', 'br', 'rb', 'f', 'fr', 'rf']);

/** Splits a string token into prefix, quote and body; null for a prefix Python 3.11 does not accept. */
export function splitStringToken(text: string): { prefix: StringPrefix; prefixText: string; quote: string; body: string } | null {
  let i = 0;
  while (i < text.length && text[i] !== '"' && text[i] !== "'") i++;
  const prefixText = text.slice(0, i);
  const p = prefixText.toLowerCase();
  if (!VALID_PREFIXES.has(p)) return null;
  const q = text[i] ?? '"';
  const quote = text.startsWith(q + q + q, i) && text.length - i >= 6 ? q + q + q : q;
  const body = text.slice(i + quote.length, text.length - quote.length);
  return {
    // CPython records kind='u' for a lower-case `u` only.
    prefix: { raw: p.includes('r'), bytes: p.includes('b'), format: p.includes('f'), unicode: prefixText === 'u' },
    prefixText,
    quote,
    body,
  };
}

export type DecodedString =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly message: string; readonly unsupported?: boolean };

/** CPython reads `\r\n` and lone `\r` in the source as `\n`, inside string literals too. */
function normalizeNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

function isHex(s: string): boolean {
  return /^[0-9a-fA-F]+$/.test(s);
}

/**
 * Position of `index` in the buffer CPython's unicode-escape decoder reports
 * errors against: ASCII characters count one, every other code point ten
 * (CPython first rewrites them as `\Uxxxxxxxx`).
 */
function escapeErrorPosition(body: string, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) {
    const c = body.charCodeAt(i);
    if (c < 0x80) pos++;
    else if (c >= 0xdc00 && c <= 0xdfff && i > 0 && body.charCodeAt(i - 1) >= 0xd800 && body.charCodeAt(i - 1) <= 0xdbff) continue;
    else pos += 10;
  }
  return pos;
}

/**
 * Decodes the body of a non-f-string str literal. Unknown escapes such as
 * `\d` stay as written, like CPython. `\N{...}` needs the Unicode name table,
 * which JS does not have: it is reported as unsupported rather than guessed.
 */
export function decodeStr(rawBody: string, raw: boolean): DecodedString {
  const body = normalizeNewlines(rawBody);
  if (raw || !body.includes('\\')) return { ok: true, value: body };
  let out = '';
  let i = 0;
  const n = body.length;
  while (i < n) {
    const bs = body.indexOf('\\', i);
    if (bs < 0) {
      out += body.slice(i);
      break;
    }
    out += body.slice(i, bs);
    const c = body[bs + 1];
    i = bs + 2;
    const fail = (end: number, what: string): DecodedString => ({
      ok: false,
      message: `(unicode error) 'unicodeescape' codec can't decode bytes in position ${escapeErrorPosition(body, bs)}-${escapeErrorPosition(body, Math.min(end, n)) - 1}: ${what}`,
    });
    switch (c) {
      case undefined:
        // A lone trailing backslash cannot end a well-formed token; keep it.
        out += '\\';
        break;
      case '\n':
        break;
      case '\\':
      case "'":
      case '"':
        out += c;
        break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        let j = bs + 1;
        while (j < n && j < bs + 4 && body[j]! >= '0' && body[j]! <= '7') j++;
        out += String.fromCodePoint(parseInt(body.slice(bs + 1, j), 8));
        i = j;
        break;
      }
      case 'x': case 'u': case 'U': {
        const len = c === 'x' ? 2 : c === 'u' ? 4 : 8;
        const digits = body.slice(bs + 2, bs + 2 + len);
        if (digits.length < len || !isHex(digits)) {
          let end = bs + 2;
          while (end < bs + 2 + len && end < n && isHex(body[end]!)) end++;
          return fail(end, `truncated \\${c === 'x' ? 'xXX' : c === 'u' ? 'uXXXX' : 'UXXXXXXXX'} escape`);
        }
        const cp = parseInt(digits, 16);
        if (cp > 0x10ffff) return fail(bs + 2 + len, 'illegal Unicode character');
        // Lone surrogates (`\ud800`) are valid in Python str and in JS strings alike.
        out += cp <= 0xffff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
        i = bs + 2 + len;
        break;
      }
      case 'N':
        return { ok: false, unsupported: true, message: '\\N{...} escape' };
      default:
        out += '\\' + c;
    }
  }
  return { ok: true, value: out };
}

/** Decodes the body of a bytes literal: ASCII source characters only, `\x`/octal escapes, no `\u`/`\N`. */
export function decodeBytes(rawBody: string, raw: boolean): { ok: true; value: number[] } | { ok: false; message: string } {
  const body = normalizeNewlines(rawBody);
  if (/[^\x00-\x7f]/.test(body)) return { ok: false, message: 'bytes can only contain ASCII literal characters' };
  const out: number[] = [];
  const n = body.length;
  let i = 0;
  while (i < n) {
    const ch = body.charCodeAt(i);
    if (raw || ch !== 0x5c) {
      out.push(ch);
      i++;
      continue;
    }
    const c = body[i + 1];
    const bs = i;
    i += 2;
    switch (c) {
      case undefined: out.push(0x5c); break;
      case '\n': break;
      case '\\': case "'": case '"': out.push(c.charCodeAt(0)); break;
      case 'a': out.push(7); break;
      case 'b': out.push(8); break;
      case 'f': out.push(12); break;
      case 'n': out.push(10); break;
      case 'r': out.push(13); break;
      case 't': out.push(9); break;
      case 'v': out.push(11); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        let j = bs + 1;
        while (j < n && j < bs + 4 && body[j]! >= '0' && body[j]! <= '7') j++;
        out.push(parseInt(body.slice(bs + 1, j), 8) & 0xff);
        i = j;
        break;
      }
      case 'x': {
        const digits = body.slice(bs + 2, bs + 4);
        if (digits.length < 2 || !isHex(digits)) return { ok: false, message: `(value error) invalid \\x escape at position ${bs}` };
        out.push(parseInt(digits, 16));
        i = bs + 4;
        break;
      }
      default:
        out.push(0x5c, c.charCodeAt(0));
    }
  }
  return { ok: true, value: out };
}
