/**
 * Exact Python values on the JS side: encoding JS numbers as float bits,
 * printing values the way Python's `repr` does, and comparing them.
 *
 * Floats compare by their bits (so 0.0 and -0.0 differ), except that every
 * NaN equals every NaN: Python code cannot tell NaN payloads apart except
 * through `struct`, and CPython and WASM produce different ones for the same
 * operation.
 */
import type { PyValue } from './types.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The IEEE-754 bits of a double as 16 lowercase hex digits, big-endian. */
export function floatBits(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

/** The double whose bits are `bits` (see `floatBits`). */
export function floatFromBits(bits: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt('0x' + bits));
  return view.getFloat64(0);
}

export function intValue(n: bigint | number): PyValue {
  return { kind: 'int', value: BigInt(n).toString() };
}

export function floatValue(x: number): PyValue {
  return { kind: 'float', bits: floatBits(x) };
}

export function boolValue(b: boolean): PyValue {
  return { kind: 'bool', value: b };
}

export function isInt64(decimal: string): boolean {
  const n = BigInt(decimal);
  return n >= INT64_MIN && n <= INT64_MAX;
}

/**
 * `repr(x)` for a Python float: the shortest digits that round-trip (which JS
 * computes the same way), laid out by CPython's rules: positional notation
 * when the decimal exponent is in [-4, 16), scientific otherwise, `.0` on
 * integral values, two-digit exponents.
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest round-trip digits.
  const [mantissa, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(expText); // x = d.ddd × 10^exp
  const decpt = exp + 1; // x = 0.dddd × 10^decpt, CPython's convention
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
  const e = Math.abs(exp);
  return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
}

/** `repr(v)` as CPython prints it. */
export function pyRepr(v: PyValue): string {
  switch (v.kind) {
    case 'int':
      return v.value;
    case 'float':
      return pyFloatRepr(floatFromBits(v.bits));
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'hugeint':
      return `<${v.negative ? 'negative ' : ''}int of ${v.bitLength} bits>`;
    case 'other':
      return v.repr;
  }
}

/** `repr(v)`, with ints of more than 40 digits shortened for messages: `40238726007709...000000 (2568 digits)`. */
export function pyReprShort(v: PyValue): string {
  const r = pyRepr(v);
  if (v.kind !== 'int') return r;
  const digits = r.replace('-', '').length;
  if (digits <= 40) return r;
  const sign = r.startsWith('-') ? '-' : '';
  return `${sign}${r.slice(sign.length, sign.length + 14)}...${r.slice(-6)} (${digits} digits)`;
}

/** An argument as it appears in a call: `float('nan')` and `float('inf')` so the call can be pasted into Python. */
export function pyArgRepr(v: PyValue): string {
  if (v.kind === 'float') {
    const x = floatFromBits(v.bits);
    if (Number.isNaN(x)) return "float('nan')";
    if (x === Infinity) return "float('inf')";
    if (x === -Infinity) return "float('-inf')";
  }
  return pyRepr(v);
}

export function pyCall(name: string, args: readonly PyValue[]): string {
  return `${name}(${args.map(pyArgRepr).join(', ')})`;
}

/** Same value: same kind; ints by value; floats by bits, any NaN equal to any NaN. */
export function sameValue(a: PyValue, b: PyValue): boolean {
  switch (a.kind) {
    case 'int':
      return b.kind === 'int' && BigInt(a.value) === BigInt(b.value);
    case 'float': {
      if (b.kind !== 'float') return false;
      if (a.bits === b.bits) return true;
      return Number.isNaN(floatFromBits(a.bits)) && Number.isNaN(floatFromBits(b.bits));
    }
    case 'bool':
      return b.kind === 'bool' && a.value === b.value;
    case 'none':
      return b.kind === 'none';
    case 'hugeint':
    case 'other':
      return false;
  }
}
