/**
 * The inputs of the differential test: for every portalis_rt function, edge
 * values (0, -0.0, ±1, i64 limits, 2^53±1, huge and tiny floats, inf, nan,
 * exact ties...) crossed with each other, plus random values from a fixed
 * seed. `SIGS` says how each driver export takes and returns values.
 */
import { F, I, prng, type Arg, type Case } from './harness.js';

export type Ret = 'int' | 'float' | 'bool' | 'int2' | 'float2';
export interface Sig {
  readonly params: readonly ('i' | 'f')[];
  readonly ret: Ret;
}

const ii_i: Sig = { params: ['i', 'i'], ret: 'int' };
const ff_f: Sig = { params: ['f', 'f'], ret: 'float' };
const f_f: Sig = { params: ['f'], ret: 'float' };
const f_i: Sig = { params: ['f'], ret: 'int' };
const if_b: Sig = { params: ['i', 'f'], ret: 'bool' };
const fi_b: Sig = { params: ['f', 'i'], ret: 'bool' };

export const SIGS: Record<string, Sig> = {
  int_add: ii_i, int_sub: ii_i, int_mul: ii_i, int_floordiv: ii_i, int_mod: ii_i, int_pow: ii_i,
  int_lshift: ii_i, int_rshift: ii_i, round_int_nd: ii_i, math_gcd: ii_i,
  int_neg: { params: ['i'], ret: 'int' }, int_abs: { params: ['i'], ret: 'int' }, math_factorial: { params: ['i'], ret: 'int' },
  int_divmod: { params: ['i', 'i'], ret: 'int2' },
  int_truediv: { params: ['i', 'i'], ret: 'float' }, int_pow_float: { params: ['i', 'i'], ret: 'float' },
  int_to_float: { params: ['i'], ret: 'float' },
  float_div: ff_f, float_floordiv: ff_f, float_mod: ff_f, float_pow: ff_f,
  float_divmod: { params: ['f', 'f'], ret: 'float2' },
  math_pow: ff_f, math_atan2: ff_f, math_hypot: ff_f, math_fmod: ff_f, math_log_base: ff_f, math_copysign: ff_f,
  round_float_nd: { params: ['f', 'i'], ret: 'float' },
  float_to_int: f_i, round_float: f_i, math_floor: f_i, math_ceil: f_i, math_trunc: f_i,
  int_float_eq: if_b, int_float_ne: if_b, int_float_lt: if_b, int_float_le: if_b, int_float_gt: if_b, int_float_ge: if_b,
  float_int_eq: fi_b, float_int_ne: fi_b, float_int_lt: fi_b, float_int_le: fi_b, float_int_gt: fi_b, float_int_ge: fi_b,
  math_isclose: { params: ['f', 'f', 'f', 'f'], ret: 'bool' },
  math_isnan: { params: ['f'], ret: 'bool' }, math_isinf: { params: ['f'], ret: 'bool' },
};
for (const name of [
  'sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
  'sinh', 'cosh', 'tanh', 'fabs', 'degrees', 'radians',
]) {
  SIGS[`math_${name}`] = f_f;
}

/** Functions whose value comes from the platform libm (exceptions must still match exactly). */
export const LIBM_FUNCS = new Set([
  'math_exp', 'math_exp2', 'math_expm1', 'math_log', 'math_log2', 'math_log10', 'math_log1p', 'math_sin', 'math_cos',
  'math_tan', 'math_asin', 'math_acos', 'math_atan', 'math_sinh', 'math_cosh', 'math_tanh', 'math_pow', 'math_atan2',
  'math_log_base', 'float_pow', 'int_pow_float',
]);

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

export const EDGE_INTS: bigint[] = [
  0n, 1n, -1n, 2n, -2n, 3n, -3n, 7n, -7n, 10n, -10n, 100n, 12345n, -12345n, 2n ** 31n, 2n ** 32n, -(2n ** 32n),
  3037000499n, 3037000500n, -3037000500n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 62n,
  10n ** 18n, -(10n ** 18n), MAX, MAX - 1n, MIN, MIN + 1n, 6n * 10n ** 18n,
];

export const EDGE_FLOATS: number[] = [
  0, -0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 0.1, -0.1, 1 / 3, 2, 3, -3, 7, -7.5, 10, 1e-300, -1e-300, 5e-324, -5e-324,
  2.2250738585072014e-308, 1e300, -1e300, 1.7976931348623157e308, -1.7976931348623157e308, 2 ** 53, 2 ** 53 + 2,
  9223372036854775807, -9223372036854775808, 9223372036854774784, 0.49999999999999994, 2.675, 0.125, 0.375, 1e16,
  123.456, 709.78, 710, -745.2, 1e-5, Math.PI, Math.E, 1e22, 4.35, Infinity, -Infinity, NaN,
];

const SHIFTS: bigint[] = [-3n, -1n, 0n, 1n, 2n, 31n, 32n, 52n, 53n, 61n, 62n, 63n, 64n, 65n, 100n, MAX];
const EXPONENTS: bigint[] = [-3n, -1n, 0n, 1n, 2n, 3n, 5n, 10n, 31n, 39n, 40n, 62n, 63n, 64n, 100n, MAX, MIN];
const NDIGITS: bigint[] = [MIN, -400n, -309n, -308n, -307n, -300n, -20n, -19n, -18n, -17n, -5n, -2n, -1n, 0n, 1n, 2n, 3n, 5n, 10n, 15n, 16n, 17n, 20n, 50n, 300n, 323n, 324n, 400n, MAX];

function randomInt(r: () => number): bigint {
  const kind = r();
  const hi = BigInt(Math.floor(r() * 2 ** 32));
  const lo = BigInt(Math.floor(r() * 2 ** 32));
  const full = BigInt.asIntN(64, (hi << 32n) | lo);
  if (kind < 0.3) return full;
  if (kind < 0.6) return full >> BigInt(Math.floor(r() * 62)); // all magnitudes
  return BigInt(Math.floor((r() - 0.5) * 2000));
}

function randomFloat(r: () => number): number {
  const kind = r();
  if (kind < 0.35) {
    // any finite double, from random bits
    const v = new DataView(new ArrayBuffer(8));
    for (;;) {
      v.setUint32(0, Math.floor(r() * 2 ** 32));
      v.setUint32(4, Math.floor(r() * 2 ** 32));
      const x = v.getFloat64(0);
      if (Number.isFinite(x)) return x;
    }
  }
  if (kind < 0.7) return (r() - 0.5) * 2 ** Math.floor(r() * 80 - 40);
  if (kind < 0.85) return Math.round((r() - 0.5) * 2000) / 8; // exact halves, quarters, eighths
  return (r() - 0.5) * 20;
}

function cross<T>(xs: readonly T[], ys: readonly T[]): [T, T][] {
  return xs.flatMap((x) => ys.map((y): [T, T] => [x, y]));
}

export function buildCases(randomPerFn = 400, seed = 20240611): Case[] {
  const r = prng(seed);
  const cases: Case[] = [];
  const add = (fn: string, ...args: Arg[]): void => void cases.push({ fn, args });
  const ints = (n: number): bigint[] => Array.from({ length: n }, () => randomInt(r));
  const floats = (n: number): number[] => Array.from({ length: n }, () => randomFloat(r));

  for (const fn of ['int_add', 'int_sub', 'int_mul', 'int_floordiv', 'int_mod', 'int_divmod', 'int_truediv', 'math_gcd']) {
    for (const [a, b] of cross(EDGE_INTS, EDGE_INTS)) add(fn, I(a), I(b));
    for (const [a, b] of ints(randomPerFn * 2).map((a, i, all) => [a, all[(i * 7 + 3) % all.length]!] as const)) add(fn, I(a), I(b));
  }
  for (const fn of ['int_neg', 'int_abs', 'int_to_float']) for (const a of [...EDGE_INTS, ...ints(randomPerFn)]) add(fn, I(a));
  for (const a of [-1n, 0n, 1n, 2n, 5n, 12n, 20n, 21n, 100n, MAX]) add('math_factorial', I(a));
  for (const fn of ['int_lshift', 'int_rshift']) for (const [a, n] of EDGE_INTS.flatMap((a) => SHIFTS.map((n) => [a, n] as const))) add(fn, I(a), I(n));
  for (const fn of ['int_pow', 'int_pow_float']) {
    for (const [a, b] of EDGE_INTS.flatMap((a) => EXPONENTS.map((b) => [a, b] as const))) add(fn, I(a), I(b));
    for (let k = 0; k < randomPerFn; k++) add(fn, I(BigInt(Math.floor((r() - 0.5) * 200))), I(BigInt(Math.floor(r() * 70) - 5)));
  }
  for (const [a, n] of [...EDGE_INTS, ...ints(randomPerFn)].flatMap((a) => NDIGITS.map((n) => [a, n] as const))) add('round_int_nd', I(a), I(n));

  const binaryFloat = ['float_div', 'float_floordiv', 'float_mod', 'float_divmod', 'float_pow', 'math_pow', 'math_atan2', 'math_hypot', 'math_fmod', 'math_log_base', 'math_copysign'];
  for (const fn of binaryFloat) {
    for (const [a, b] of cross(EDGE_FLOATS, EDGE_FLOATS)) add(fn, F(a), F(b));
    for (let k = 0; k < randomPerFn * 2; k++) add(fn, F(randomFloat(r)), F(randomFloat(r)));
  }
  for (const [a, b] of cross(EDGE_FLOATS.filter((x) => x < 0 && Number.isFinite(x)), [0.5, 1 / 3, 2, 3, -1, -2, 1e10, 1e300])) add('float_pow', F(a), F(b));

  const unary = Object.keys(SIGS).filter((fn) => SIGS[fn]!.params.length === 1 && SIGS[fn]!.params[0] === 'f');
  for (const fn of unary) for (const a of [...EDGE_FLOATS, ...floats(randomPerFn)]) add(fn, F(a));
  // Inputs where the transcendental functions are interesting.
  for (const fn of unary.filter((f) => f.startsWith('math_'))) for (let k = 0; k < randomPerFn; k++) add(fn, F((r() - 0.5) * 40));

  for (const [x, n] of [...EDGE_FLOATS, ...floats(randomPerFn)].flatMap((x) => NDIGITS.map((n) => [x, n] as const))) add('round_float_nd', F(x), I(n));
  for (let k = 0; k < randomPerFn * 4; k++) add('round_float_nd', F(Math.round((r() - 0.5) * 2e6) / 1000 + (r() < 0.5 ? 0.0005 : 0)), I(BigInt(Math.floor(r() * 5))));

  const cmp = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
  const cmpInts = [...EDGE_INTS, ...ints(randomPerFn / 20)];
  const cmpFloats = [...EDGE_FLOATS, 9007199254740993, -9007199254740993, 9223372036854775808, -9223372036854777856, ...floats(randomPerFn / 20)];
  for (const op of cmp) {
    for (const [i, x] of cmpInts.flatMap((i) => cmpFloats.map((x) => [i, x] as const))) {
      add(`int_float_${op}`, I(i), F(x));
      add(`float_int_${op}`, F(x), I(i));
    }
    // Ints next to their own rounding to float.
    for (const i of cmpInts) add(`int_float_${op}`, I(i), F(Number(i)));
  }
  for (const [a, b] of cross([0, 1, 1 + 1e-10, 1.1, -1, 1e300, Infinity, -Infinity, NaN], [0, 1, 1 + 1e-10, 1.1, Infinity, NaN])) {
    for (const [rel, abs] of [[1e-9, 0], [0, 0], [0.5, 0], [1e-9, 1], [-1, 0], [0, -1e-300], [NaN, 0], [0, Infinity]] as const) {
      add('math_isclose', F(a), F(b), F(rel), F(abs));
    }
  }
  return cases;
}
