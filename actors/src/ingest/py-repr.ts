/**
 * Python's `repr()` for the literal values the AST holds: str, bytes, float
 * and imaginary numbers, character for character as CPython 3.11 prints
 * them. dump.ts uses it to print our AST exactly like `ast.dump`.
 */

/** Python's str.isprintable() for one code point (space is printable, other separators are not). */
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

export function reprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (!NON_PRINTABLE.test(ch)) out += ch;
    else if (cp <= 0xff) out += '\\x' + hex(cp, 2);
    else if (cp <= 0xffff) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + quote;
}

export function reprBytes(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const x of b) {
    if (x === 0x27) hasSingle = true;
    else if (x === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = 'b' + String.fromCharCode(quote);
  for (const x of b) {
    if (x === quote || x === 0x5c) out += '\\' + String.fromCharCode(x);
    else if (x === 0x09) out += '\\t';
    else if (x === 0x0a) out += '\\n';
    else if (x === 0x0d) out += '\\r';
    else if (x < 0x20 || x >= 0x7f) out += '\\x' + hex(x, 2);
    else out += String.fromCharCode(x);
  }
  return out + String.fromCharCode(quote);
}

/**
 * CPython's float_repr_style 'short' formatting: the shortest digits that
 * round-trip (JS computes the same digits), fixed notation when the decimal
 * exponent is in [-4, 16), scientific otherwise with a signed two-digit
 * exponent; `.0` added to integral values when `addDot0`.
 */
function formatShort(x: number, addDot0: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [mantissa = '0', exp = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const decpt = Number(exp) + 1;
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1;
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  let body: string;
  if (decpt <= 0) body = `0.${'0'.repeat(-decpt)}${digits}`;
  else if (decpt >= digits.length) body = digits + '0'.repeat(decpt - digits.length) + (addDot0 ? '.0' : '');
  else body = `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  return sign + body;
}

export function reprFloat(x: number): string {
  return formatShort(x, true);
}

/** repr() of the complex number `imag * 1j` (an imaginary literal's value). */
export function reprImaginary(imag: number): string {
  return `${formatShort(imag, false)}j`;
}
