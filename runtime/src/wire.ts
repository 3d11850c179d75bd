/**
 * Helpers of the generated glue for ABI 2 ("Values in linear memory",
 * docs/abi.md): the argument errors of encoded values, ints and strings.
 *
 * The glue's encoders and decoders are straight-line code generated from
 * each function's types (actors/src/package/wire-glue.ts); they call these
 * for the leaves that take more than a line and, off the fast path, to
 * build errors. `path` names the item inside an argument: `[3]` (list,
 * tuple or set position), `<key 2>`/`<value 2>` (a dict's third entry).
 */

import { describeValue } from './args.js';

/** A value of the wrong JS type (or shape) somewhere in an argument. */
export function wireTypeError(value: unknown, fn: string, param: string, path: string, expected: string): TypeError {
  return new TypeError(`${fn}() argument '${param}'${path ? ` item ${path}` : ''} must be ${expected}, got ${describeValue(value)}`);
}

/** Number mode: an int item that is not a safe integer (RangeError when integral, TypeError otherwise). */
export function wireIntError(value: unknown, fn: string, param: string, path: string): TypeError | RangeError {
  const where = `${fn}() argument '${param}'${path ? ` item ${path}` : ''}`;
  if (typeof value === 'number' && Number.isInteger(value)) {
    return new RangeError(
      `${where} must be a safe integer (between -(2**53 - 1) and 2**53 - 1), got ${describeValue(value)}; use intMode: 'bigint' for larger ints`,
    );
  }
  return new TypeError(`${where} must be int, got ${describeValue(value)}`);
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** Bigint mode: an int item that is not a bigint in the i64 range; returns a safe-integer number as a bigint, otherwise throws. */
export function wireBigint(value: unknown, fn: string, param: string, path: string): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  const where = `${fn}() argument '${param}'${path ? ` item ${path}` : ''}`;
  if ((typeof value === 'bigint' && (value < I64_MIN || value > I64_MAX)) || (typeof value === 'number' && Number.isInteger(value))) {
    throw new RangeError(`${where} must fit in a signed 64-bit int, got ${describeValue(value)}`);
  }
  throw new TypeError(`${where} must be int (a bigint), got ${describeValue(value)}`);
}

/** Number mode: the i64 at `at` as a number; a RangeError when it is not a safe integer. */
export function wireInt(view: DataView, at: number, fn: string): number {
  const lo = view.getUint32(at, true);
  const hi = view.getInt32(at + 4, true);
  // Safe integers are -(2**53 - 1) ..= 2**53 - 1: hi in [-2**21, 2**21), and not -2**53 itself.
  if (hi > 0x1fffff || hi < -0x200000 || (hi === -0x200000 && lo === 0)) {
    throw new RangeError(
      `${fn}() returned an int, ${view.getBigInt64(at, true)}, that is not a safe integer for a JS number; ` +
        `build the module with intMode: 'bigint' to receive ints as bigints`,
    );
  }
  return hi * 4294967296 + lo;
}

let encoder: TextEncoder | undefined;
// ignoreBOM: a str may start with U+FEFF, which the default decoder would drop.
let decoder: TextDecoder | undefined;

/** Strings shorter than this are copied by a loop when ASCII (cheaper than the codec's call). */
const SHORT = 32;

/**
 * Writes `s` at `at` as a u32 byte length and UTF-8; returns the offset after
 * it. The caller reserved 4 + 3 * s.length bytes (the UTF-8 of one UTF-16
 * unit is at most 3 bytes; a lone surrogate becomes U+FFFD, 3 bytes).
 */
export function wireWriteStr(bytes: Uint8Array, view: DataView, at: number, s: string): number {
  const n = s.length;
  if (n < SHORT) {
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[at + 4 + i] = c;
    }
    if (i === n) {
      view.setUint32(at, n, true);
      return at + 4 + n;
    }
  }
  const { read, written } = (encoder ??= new TextEncoder()).encodeInto(s, bytes.subarray(at + 4));
  if (read !== n) throw new Error(`wire: no room for a string of ${n} UTF-16 units (a Portalis bug)`);
  view.setUint32(at, written, true);
  return at + 4 + written;
}

/** The `n` bytes of UTF-8 at `at` as a string. */
export function wireReadStr(bytes: Uint8Array, at: number, n: number): string {
  if (n < SHORT) {
    let s = '';
    for (let i = 0; i < n; i++) {
      const c = bytes[at + i]!;
      if (c >= 0x80) return (decoder ??= new TextDecoder('utf-8', { ignoreBOM: true })).decode(bytes.subarray(at, at + n));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return (decoder ??= new TextDecoder('utf-8', { ignoreBOM: true })).decode(bytes.subarray(at, at + n));
}
