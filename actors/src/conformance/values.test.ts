import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { floatBits, floatFromBits, floatValue, intValue, pyCall, pyFloatRepr, pyReprShort, sameValue } from './values.js';

const python = process.env.PORTALIS_PYTHON ?? 'python3';
const havePython = (() => {
  try {
    execFileSync(python, ['-c', 'pass']);
    return true;
  } catch {
    return false;
  }
})();

/** Doubles whose repr is checked against CPython: edges, boundaries of the layout rules, random bit patterns. */
function sampleDoubles(): number[] {
  const xs = [
    0, -0, 1, -1, 0.1, 0.5, 1.5, -2.25, 3.141592653589793, 1e-300, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
    1e15, 1e16, 1e17, 123456789012345680, 9007199254740993, 2 ** 53, 2 ** 63, 1e21, 1e22, 0.0001, 0.00001, 0.00012345, 1.5e-5,
    100, 1234.5, 1e-7, 123e-20, 9.999999999999999e15, 1e16 - 2, 0.3, 2 / 3, -1e-310, Infinity, -Infinity, NaN,
  ];
  let seed = 12345;
  const view = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < 300; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    view.setUint32(0, seed);
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    view.setUint32(4, seed);
    xs.push(view.getFloat64(0));
    xs.push(Math.round(view.getFloat64(0) % 1e6) / 1000);
  }
  return xs;
}

describe('float encoding', () => {
  it('round-trips bits, keeping -0.0 and NaN', () => {
    for (const x of sampleDoubles()) expect(Object.is(floatFromBits(floatBits(x)), x)).toBe(true);
    expect(floatBits(-0)).toBe('8000000000000000');
    expect(floatBits(1)).toBe('3ff0000000000000');
  });

  it('compares floats by bits, with every NaN equal', () => {
    expect(sameValue(floatValue(0), floatValue(-0))).toBe(false);
    expect(sameValue(floatValue(NaN), { kind: 'float', bits: 'fff8000000000000' })).toBe(true);
    expect(sameValue(floatValue(NaN), floatValue(Infinity))).toBe(false);
    expect(sameValue(intValue(1n), floatValue(1))).toBe(false);
    expect(sameValue(intValue(2n ** 64n), { kind: 'int', value: '18446744073709551616' })).toBe(true);
    expect(sameValue({ kind: 'bool', value: true }, intValue(1n))).toBe(false);
  });
});

describe.skipIf(!havePython)(`Python repr (needs ${python})`, () => {
  it('prints floats exactly as CPython does', () => {
    const xs = sampleDoubles();
    const script = 'import sys, struct\nfor h in sys.stdin.read().split():\n    print(repr(struct.unpack(">d", bytes.fromhex(h))[0]))';
    const out = execFileSync(python, ['-c', script], { input: xs.map(floatBits).join('\n') }).toString().trim().split('\n');
    expect(out).toHaveLength(xs.length);
    expect(xs.map(pyFloatRepr)).toEqual(out);
  });
});

describe('calls and long values', () => {
  it('writes calls so they can be pasted into Python', () => {
    expect(pyCall('f', [intValue(-7n), floatValue(NaN), floatValue(-Infinity), { kind: 'bool', value: false }])).toBe(
      "f(-7, float('nan'), float('-inf'), False)",
    );
  });

  it('shortens very long ints in messages only', () => {
    expect(pyReprShort(intValue(10n ** 50n))).toBe('10000000000000...000000 (51 digits)');
    expect(pyReprShort(intValue(-(10n ** 50n)))).toBe('-10000000000000...000000 (51 digits)');
    expect(pyReprShort(intValue(2n ** 63n))).toBe('9223372036854775808');
  });
});
