/**
 * Base64 decoding for WASM inlined into generated modules (`wasm: 'inline'`).
 *
 * Works the same in browsers and Node without `atob` or `Buffer`: a lookup
 * table over the standard alphabet (RFC 4648 §4; the URL-safe `-`/`_` are
 * accepted too), whitespace ignored, padding optional. Anything else is an
 * error, because corrupt bytes would otherwise surface later as an obscure
 * WebAssembly.CompileError.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Sextet value per char code; -1 for characters outside the alphabet. */
const DECODE = /* @__PURE__ */ (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  table['-'.charCodeAt(0)] = 62;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Decodes base64 text to bytes. Throws a `SyntaxError` on characters outside the alphabet. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let length = 0;
  let buffer = 0;
  let bits = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) continue;
    if (code === 0x3d /* = */) {
      padding++;
      continue;
    }
    const value = code < 128 ? DECODE[code]! : -1;
    if (value < 0 || padding > 0) {
      throw new SyntaxError(`invalid base64 at offset ${i}: ${JSON.stringify(text[i])}`);
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  if (bits >= 6) throw new SyntaxError('invalid base64: truncated input');
  return length === out.length ? out : out.subarray(0, length);
}
