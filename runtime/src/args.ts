/**
 * Argument checks for generated functions: the slow half.
 *
 * The generated glue does the cheap test inline (`Number.isSafeInteger(n)`,
 * `typeof x === 'number'`, a bigint range compare) and calls one of these only
 * when it fails, to build the error or, in bigint mode, to convert a number.
 *
 *   int, number mode   safe integer required: TypeError for anything that is
 *                      not an integral number, RangeError beyond ±(2^53 − 1)
 *   int, bigint mode   bigint in the i64 range, or a safe-integer number
 *                      (converted); RangeError outside i64, TypeError otherwise
 *   float              any number (NaN and ±Infinity included)
 *   bool               a boolean; no truthiness coercion
 */

/** The i64 range, for the inline bigint check in generated code. */
export const I64_MIN = -(2n ** 63n);
export const I64_MAX = 2n ** 63n - 1n;

/** A short, unambiguous rendering of a bad argument for error messages. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'string':
      return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return 'an array';
      return 'an object';
  }
}

/** The error for an int argument that failed `Number.isSafeInteger` (number mode). */
export function intArgumentError(value: unknown, fn: string, param: string): TypeError | RangeError {
  if (typeof value === 'number' && Number.isInteger(value)) {
    return new RangeError(
      `${fn}() argument '${param}' must be a safe integer (between -(2**53 - 1) and 2**53 - 1), got ${describeValue(value)}; ` +
        `use intMode: 'bigint' for larger ints`,
    );
  }
  return new TypeError(`${fn}() argument '${param}' must be int, got ${describeValue(value)}`);
}

/**
 * Bigint mode: called when an int argument is not a bigint in the i64 range.
 * Returns the value as a bigint when it is a safe-integer number, otherwise throws.
 */
export function bigintArgument(value: unknown, fn: string, param: string): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) {
    throw new RangeError(
      `${fn}() argument '${param}' must fit in a signed 64-bit int, got ${describeValue(value)}`,
    );
  }
  throw new TypeError(`${fn}() argument '${param}' must be int (a bigint), got ${describeValue(value)}`);
}

/** The error for a float argument that is not a number. */
export function floatArgumentError(value: unknown, fn: string, param: string): TypeError {
  return new TypeError(`${fn}() argument '${param}' must be float (a number), got ${describeValue(value)}`);
}

/** The error for a bool argument that is not a boolean. */
export function boolArgumentError(value: unknown, fn: string, param: string): TypeError {
  return new TypeError(`${fn}() argument '${param}' must be bool (a boolean), got ${describeValue(value)}`);
}
