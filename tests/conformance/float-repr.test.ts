/**
 * Differential test of float printing: a generated script prints edge
 * values and seeded random bit patterns (every exponent range, subnormals,
 * integers near 2**53, values near the 1e-4 and 1e16 switches between
 * positional and scientific form); its output under `portalis run`'s path
 * must equal python3's byte for byte. python3 runs live here, not recorded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCase } from './corpus-cases.js';

/** xorshift64*: deterministic 64-bit patterns. */
function* bitPatterns(seed: bigint, count: number): Generator<bigint> {
  let x = seed;
  const mask = (1n << 64n) - 1n;
  for (let i = 0; i < count; i++) {
    x ^= x >> 12n;
    x ^= (x << 25n) & mask;
    x ^= x >> 27n;
    yield (x * 0x2545f4914f6cdd1dn) & mask;
  }
}

function floatOfBits(bits: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

/** A Python expression for exactly `x` (JS's shortest form reads back to the same double in Python). */
function literal(x: number): string {
  if (Number.isNaN(x)) return 'math.nan';
  if (!Number.isFinite(x)) return x > 0 ? 'math.inf' : '-math.inf';
  if (Object.is(x, -0)) return '-0.0';
  const s = String(Math.abs(x));
  const lit = /[.e]/.test(s) ? s : `${s}.0`;
  return x < 0 ? `-${lit}` : lit;
}

function values(): number[] {
  const out: number[] = [
    0.1 + 0.2, 1e16, 1e15, 9999999999999998, 1e-4, 1e-5, 0.00009999999999999999, 1e-7, Infinity, -Infinity, NaN, -0, 0, 2, 1e22, 1e21,
    123456789012345.67, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308, Number.MAX_VALUE, Number.MIN_VALUE,
    2 ** 53, 2 ** 53 - 1, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 0.5, 1 / 3, 2 / 3, 1.5e300, 4.35, 0.3, 100, 1234567890123456.8,
  ];
  for (let e = -30; e <= 30; e++) out.push(10 ** e, 1.5 * 10 ** e, -(7.25 * 10 ** e));
  for (const bits of bitPatterns(0x9e3779b97f4a7c15n, 1500)) out.push(floatOfBits(bits));
  // Random significands at every decimal exponent near the form switches.
  for (const bits of bitPatterns(0x1234567n, 300)) {
    const m = Number(bits >> 11n) / 2 ** 53;
    const e = Number(bits % 44n) - 22;
    out.push(m * 10 ** e);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'portalis-float-repr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('float repr against python3', () => {
  it('prints ~2,000 floats exactly as CPython does', async () => {
    const xs = values();
    const lines = ['import math', ''];
    for (let i = 0; i < xs.length; i += 8) lines.push(`print(${xs.slice(i, i + 8).map(literal).join(', ')})`);
    const file = join(dir, 'floats.py');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const python = spawnSync('python3', [file], { encoding: 'utf8' });
    expect(python.status).toBe(0);
    // opt-level 1: this is a test of the printed digits, and rustc compiles the long script much faster.
    const ours = await runCase({ name: 'floats', file, expectedFile: '' }, [], { build: { optLevel: '1' } });
    expect('stdout' in ours && ours.exit).toBe(0);
    const got = 'stdout' in ours ? ours.stdout.split('\n') : [];
    const want = python.stdout.split('\n');
    expect(want.length).toBeGreaterThan(200);
    for (let i = 0; i < want.length; i++) expect(got[i], `line ${i + 1}: ${lines[i + 2]}`).toBe(want[i]);
  });
});
