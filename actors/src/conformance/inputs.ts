/**
 * Inputs for the conformance run, derived from the parameter types.
 *
 * Each type has a list of edge values (zero, signs, small odd/even numbers,
 * the 2^31/2^53/2^63 boundaries for ints; ±0.0, subnormal-range, huge, inf
 * and NaN for floats). One-parameter functions get every edge value plus a
 * few seeded pseudo-random ones. Functions with several parameters get every
 * pair of values from a reduced edge set (a pairwise covering set, which for
 * two parameters is the full product) plus a seeded sample of combinations
 * drawn from the full edge and random values, up to `maxCases`. Everything is
 * deterministic for a given seed and function name.
 */
import type { ParamSpec, PyScalar } from '../spec/types.js';
import type { CaseArg, PyValue } from './types.js';
import { boolValue, floatValue, intValue } from './values.js';

export const DEFAULT_MAX_CASES = 60;
export const DEFAULT_SEED = 0x5eed;

const I64_MAX = 2n ** 63n - 1n;
const I64_MIN = -(2n ** 63n);

export const INT_EDGES: readonly bigint[] = [
  0n, 1n, -1n, 2n, 3n, 7n, -7n, 10n, 20n, 25n, 100n, 1000n,
  2n ** 31n, -(2n ** 31n), 2n ** 53n - 1n, -(2n ** 53n - 1n), 2n ** 62n, I64_MAX, I64_MIN,
];
export const FLOAT_EDGES: readonly number[] = [
  0.0, -0.0, 0.1, 1.5, -2.25, 1e-300, 1e300, Infinity, -Infinity, NaN, 3.141592653589793,
];
export const BOOL_EDGES: readonly boolean[] = [true, false];

/** The reduced sets whose pairs are all covered for multi-parameter functions. */
const INT_PAIR_SET: readonly bigint[] = [0n, 1n, -1n, 3n, -7n, 2n ** 62n, I64_MIN];
const FLOAT_PAIR_SET: readonly number[] = [0.0, -0.0, 1.5, -2.25, Infinity, NaN];

/** How many pseudo-random values each parameter adds to the pool. */
const RANDOM_PER_PARAM = 8;

export interface InputCase {
  readonly args: readonly PyValue[];
  readonly origin: 'edge' | 'pairwise' | 'random' | 'explicit';
}

export interface GenerateOptions {
  readonly maxCases: number;
  readonly seed: number;
}

/** The generated cases for one function (no explicit ones), at most `maxCases`. */
export function generateCases(fnName: string, params: readonly ParamSpec[], options: GenerateOptions): InputCase[] {
  const max = Math.max(0, Math.floor(options.maxCases));
  if (max === 0) return [];
  if (params.length === 0) return [{ args: [], origin: 'edge' }];
  const rng = mulberry32((options.seed ^ hashString(fnName)) >>> 0);
  const out = new CaseSet(max);

  if (params.length === 1) {
    const type = (params[0] as ParamSpec).type as PyScalar;
    for (const v of edgeValues(type)) out.add([v], 'edge');
    for (let i = 0; i < RANDOM_PER_PARAM * 2; i++) out.add([randomValue(type, rng)], 'random');
    return out.cases;
  }

  const pairSets = params.map((p) => pairValues(p.type as PyScalar));
  for (const row of allPairs(pairSets.map((s) => s.length))) {
    out.add(row.map((vi, pi) => (pairSets[pi] as PyValue[])[vi] as PyValue), 'pairwise');
  }
  // Fill the rest with a sample over the full edge sets and random values.
  const pools = params.map((p) => {
    const pool = edgeValues(p.type as PyScalar);
    if (p.type !== 'bool') for (let i = 0; i < RANDOM_PER_PARAM; i++) pool.push(randomValue(p.type as PyScalar, rng));
    return pool;
  });
  const space = pools.reduce((n, pool) => n * pool.length, 1);
  for (let tries = 0; !out.full && tries < 20 * max && out.cases.length < space; tries++) {
    out.add(pools.map((pool) => pool[Math.floor(rng() * pool.length)] as PyValue), 'random');
  }
  return out.cases;
}

/** Explicit arguments from the caller, checked and converted by parameter type. */
export function coerceCase(params: readonly ParamSpec[], args: readonly CaseArg[]): { args: PyValue[] } | { error: string } {
  if (args.length !== params.length) {
    return { error: `expected ${params.length} argument${params.length === 1 ? '' : 's'}, got ${args.length}` };
  }
  const out: PyValue[] = [];
  for (let i = 0; i < params.length; i++) {
    const p = params[i] as ParamSpec;
    const v = coerceArg(p.type as PyScalar, args[i] as CaseArg);
    if (typeof v === 'string') return { error: `parameter ${p.name}: ${v}` };
    out.push(v);
  }
  return { args: out };
}

function coerceArg(type: PyScalar, a: CaseArg): PyValue | string {
  switch (type) {
    case 'int': {
      let n: bigint | null = null;
      if (typeof a === 'bigint') n = a;
      else if (typeof a === 'number' && Number.isInteger(a)) n = BigInt(a);
      else if (typeof a === 'string' && /^\s*[+-]?\d+\s*$/.test(a)) n = BigInt(a.trim());
      if (n === null) return `expected an int, got ${describe(a)}`;
      if (n < I64_MIN || n > I64_MAX) return `${n} is outside the signed 64-bit range Portalis accepts`;
      return intValue(n);
    }
    case 'float': {
      if (typeof a === 'number') return floatValue(a);
      if (typeof a === 'bigint') return floatValue(Number(a));
      if (typeof a === 'string') {
        const s = a.trim().toLowerCase();
        const special: Record<string, number> = {
          inf: Infinity, '+inf': Infinity, infinity: Infinity, '+infinity': Infinity,
          '-inf': -Infinity, '-infinity': -Infinity, nan: NaN, '+nan': NaN, '-nan': NaN,
        };
        if (s in special) return floatValue(special[s] as number);
        if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return floatValue(Number(s));
      }
      return `expected a float, got ${describe(a)}`;
    }
    case 'bool': {
      if (typeof a === 'boolean') return boolValue(a);
      if (a === 'True' || a === 'False') return boolValue(a === 'True');
      return `expected a bool, got ${describe(a)}`;
    }
  }
}

function describe(a: CaseArg): string {
  return typeof a === 'string' ? JSON.stringify(a) : `${typeof a} ${String(a)}`;
}

function edgeValues(type: PyScalar): PyValue[] {
  switch (type) {
    case 'int':
      return INT_EDGES.map(intValue);
    case 'float':
      return FLOAT_EDGES.map(floatValue);
    case 'bool':
      return BOOL_EDGES.map(boolValue);
  }
}

function pairValues(type: PyScalar): PyValue[] {
  switch (type) {
    case 'int':
      return INT_PAIR_SET.map(intValue);
    case 'float':
      return FLOAT_PAIR_SET.map(floatValue);
    case 'bool':
      return BOOL_EDGES.map(boolValue);
  }
}

function randomValue(type: PyScalar, rng: () => number): PyValue {
  switch (type) {
    case 'int':
      return intValue(randomInt(rng));
    case 'float':
      return floatValue(randomFloat(rng));
    case 'bool':
      return boolValue(rng() < 0.5);
  }
}

function randomInt(rng: () => number): bigint {
  const pick = rng();
  if (pick < 0.4) return BigInt(Math.floor(rng() * 101) - 50); // small: loops, recursion
  if (pick < 0.7) return BigInt(Math.floor(rng() * 2_000_001) - 1_000_000);
  if (pick < 0.85) {
    // Near a power of two.
    const k = BigInt(Math.floor(rng() * 63));
    const v = 2n ** k + BigInt(Math.floor(rng() * 5) - 2);
    return rng() < 0.5 ? -v : v;
  }
  // Any signed 64-bit value.
  const hi = BigInt(Math.floor(rng() * 2 ** 32));
  const lo = BigInt(Math.floor(rng() * 2 ** 32));
  return BigInt.asIntN(64, (hi << 32n) | lo);
}

function randomFloat(rng: () => number): number {
  const pick = rng();
  if (pick < 0.4) return Math.round((rng() * 200 - 100) * 1000) / 1000; // short decimals
  if (pick < 0.55) return Math.floor(rng() * 41) - 20; // integral floats
  if (pick < 0.85) return (rng() * 2 - 1) * 10 ** Math.floor(rng() * 41 - 20);
  // A random finite bit pattern: subnormals and extreme exponents included.
  const view = new DataView(new ArrayBuffer(8));
  for (;;) {
    view.setUint32(0, Math.floor(rng() * 2 ** 32));
    view.setUint32(4, Math.floor(rng() * 2 ** 32));
    const x = view.getFloat64(0);
    if (Number.isFinite(x)) return x;
  }
}

/**
 * A pairwise covering set for parameters with the given numbers of values:
 * rows of value indices in which every pair of values of every two
 * parameters appears at least once (in-parameter-order growth). Two
 * parameters give the full product.
 */
export function allPairs(sizes: readonly number[]): number[][] {
  if (sizes.length === 0 || sizes.some((n) => n === 0)) return [];
  if (sizes.length === 1) return Array.from({ length: sizes[0] as number }, (_, i) => [i]);
  const rows: number[][] = [];
  for (let a = 0; a < (sizes[0] as number); a++) for (let b = 0; b < (sizes[1] as number); b++) rows.push([a, b]);
  for (let p = 2; p < sizes.length; p++) {
    const np = sizes[p] as number;
    // uncovered[q][vq * np + vp]: the pair (param q = vq, param p = vp) is still missing.
    const uncovered = sizes.slice(0, p).map((nq) => new Array<boolean>(nq * np).fill(true));
    let remaining = uncovered.reduce((n, u) => n + u.length, 0);
    const cover = (row: number[], vp: number, apply: boolean): number => {
      let gain = 0;
      for (let q = 0; q < p; q++) {
        const vq = row[q] as number;
        if (vq < 0) continue;
        const cell = uncovered[q] as boolean[];
        if (cell[vq * np + vp]) {
          gain++;
          if (apply) {
            cell[vq * np + vp] = false;
            remaining--;
          }
        }
      }
      return gain;
    };
    // Horizontal growth: give each row the value of p that covers most new pairs.
    rows.forEach((row, r) => {
      let best = r % np;
      let bestGain = -1;
      for (let k = 0; k < np; k++) {
        const vp = (r + k) % np;
        const gain = cover(row, vp, false);
        if (gain > bestGain) [best, bestGain] = [vp, gain];
      }
      row.push(best);
      cover(row, best, true);
    });
    // Vertical growth: new rows for the pairs still missing, filling free slots.
    const added: number[][] = [];
    for (let q = 0; q < p && remaining > 0; q++) {
      const cell = uncovered[q] as boolean[];
      for (let i = 0; i < cell.length; i++) {
        if (!cell[i]) continue;
        const vq = Math.floor(i / np);
        const vp = i % np;
        let row = added.find((r) => r[p] === vp && r[q] === -1);
        if (!row) {
          row = new Array<number>(p + 1).fill(-1);
          row[p] = vp;
          added.push(row);
        }
        row[q] = vq;
        cover(row, vp, true);
      }
    }
    added.forEach((row, r) => {
      for (let q = 0; q < p; q++) if (row[q] === -1) row[q] = (r + q) % (sizes[q] as number);
      rows.push(row);
    });
  }
  return rows;
}

/** Cases in order, without duplicates, up to a maximum. */
class CaseSet {
  readonly cases: InputCase[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly max: number) {}
  get full(): boolean {
    return this.cases.length >= this.max;
  }
  add(args: PyValue[], origin: InputCase['origin']): void {
    if (this.full) return;
    const key = JSON.stringify(args);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.cases.push({ args, origin });
  }
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A small seeded PRNG (mulberry32): deterministic across platforms. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
