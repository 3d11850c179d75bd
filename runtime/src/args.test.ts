/**
 * The argument-error helpers the generated glue calls when its inline check fails.
 */

import { describe, expect, it } from 'vitest';
import { bigintArgument, boolArgumentError, describeValue, floatArgumentError, I64_MAX, I64_MIN, intArgumentError } from './args.js';

describe('int arguments, number mode', () => {
  it('is a TypeError for anything that is not an integral number', () => {
    for (const [value, shown] of [
      [1.5, '1.5'],
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
      ['3', 'string "3"'],
      [3n, '3n'],
      [true, 'true'],
      [null, 'null'],
      [undefined, 'undefined'],
      [[1], 'an array'],
      [{}, 'an object'],
    ] as const) {
      const error = intArgumentError(value, 'fib', 'n');
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe(`fib() argument 'n' must be int, got ${shown}`);
    }
  });

  it('is a RangeError for an integer beyond ±(2^53 − 1)', () => {
    for (const value of [2 ** 53, -(2 ** 53), 1e300]) {
      const error = intArgumentError(value, 'fib', 'n');
      expect(error).toBeInstanceOf(RangeError);
      expect(error.message).toContain("fib() argument 'n' must be a safe integer");
      expect(error.message).toContain("use intMode: 'bigint'");
    }
  });
});

describe('int arguments, bigint mode', () => {
  it('converts safe-integer numbers', () => {
    expect(bigintArgument(0, 'f', 'n')).toBe(0n);
    expect(bigintArgument(-0, 'f', 'n')).toBe(0n);
    expect(bigintArgument(2 ** 53 - 1, 'f', 'n')).toBe(9007199254740991n);
    expect(bigintArgument(-(2 ** 53 - 1), 'f', 'n')).toBe(-9007199254740991n);
  });

  it('is a RangeError outside the i64 range, for bigints and unsafe numbers', () => {
    expect(I64_MIN).toBe(-9223372036854775808n);
    expect(I64_MAX).toBe(9223372036854775807n);
    expect(() => bigintArgument(I64_MAX + 1n, 'f', 'n')).toThrow(new RangeError("f() argument 'n' must fit in a signed 64-bit int, got 9223372036854775808n"));
    expect(() => bigintArgument(I64_MIN - 1n, 'f', 'n')).toThrow(RangeError);
    expect(() => bigintArgument(2 ** 53, 'f', 'n')).toThrow(RangeError);
  });

  it('is a TypeError for non-integers', () => {
    expect(() => bigintArgument(0.5, 'f', 'n')).toThrow(new TypeError("f() argument 'n' must be int (a bigint), got 0.5"));
    expect(() => bigintArgument('1', 'f', 'n')).toThrow(TypeError);
    expect(() => bigintArgument(false, 'f', 'n')).toThrow(TypeError);
  });
});

describe('float and bool arguments', () => {
  it('names the function, the parameter and the value', () => {
    expect(floatArgumentError('1.5', 'g', 'x')).toEqual(new TypeError(`g() argument 'x' must be float (a number), got string "1.5"`));
    expect(boolArgumentError(0, 'h', 'flag')).toEqual(new TypeError("h() argument 'flag' must be bool (a boolean), got 0"));
  });

  it('shortens long strings and keeps -0 visible', () => {
    expect(describeValue('x'.repeat(50))).toBe(`string "${'x'.repeat(40)}…"`);
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue(Symbol('s'))).toBe('a symbol');
    expect(describeValue(() => 1)).toBe('a function');
  });
});
