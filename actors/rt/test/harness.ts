/**
 * Shared pieces of the portalis_rt tests: compiling the differential-test
 * driver (driver.rs) to WASM with a rustc that has the wasm32 target, the
 * CPython oracle process (oracle.py), and the encoding of inputs and
 * outcomes (floats as IEEE bit patterns, so comparisons are bit-exact).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildSupportLibrary } from '../../src/build/support-library.js';
import { findToolchain, isToolchain, WASM_TARGET } from '../../src/build/toolchain.js';
import { runProcess } from '../../src/build/run-process.js';

export const TEST_DIR = path.dirname(fileURLToPath(import.meta.url));
export const RT_SRC = path.join(TEST_DIR, '..', 'src');

/** The message constants of err.rs, read from the source so the test never restates them. */
export async function rtMessages(): Promise<Record<string, string>> {
  const src = await readFile(path.join(RT_SRC, 'err.rs'), 'utf8');
  const out: Record<string, string> = {};
  for (const m of src.matchAll(/pub const (\w+): &str =\s*"([^"]*)";/g)) out[m[1]!] = m[2]!;
  return out;
}

/** Compiles driver.rs against a fresh portalis_rt rlib; null (with the reason) when no wasm toolchain exists. */
export async function compileDriver(): Promise<{ wasm: Uint8Array } | { skip: string }> {
  const tc = await findToolchain();
  if (!isToolchain(tc)) return { skip: tc.message };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'portalis-rt-diff-'));
  const rlib = await buildSupportLibrary(tc, dir);
  const out = path.join(dir, 'driver.wasm');
  const res = await runProcess(tc.rustc, [
    '--edition', '2021', '--crate-type', 'cdylib', '--target', WASM_TARGET,
    '-C', 'opt-level=3', '-C', 'debuginfo=0', '-C', 'strip=symbols',
    '--extern', `portalis_rt=${rlib}`, '-o', out, path.join(TEST_DIR, 'driver.rs'),
  ]);
  if (res.code !== 0) throw new Error(`driver.rs failed to compile:\n${res.stderr}`);
  return { wasm: new Uint8Array(await readFile(out)) };
}

// ── values ───────────────────────────────────────────────────────────────

const view = new DataView(new ArrayBuffer(8));

export function floatBits(x: number): string {
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

export function floatFromBits(hex: string): number {
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

export type Arg = { i: bigint } | { f: number };
export const I = (v: bigint | number): Arg => ({ i: BigInt(v) });
export const F = (v: number): Arg => ({ f: v });

export function encodeArg(a: Arg): string {
  return 'i' in a ? `i:${a.i}` : `f:${floatBits(a.f)}`;
}

export function showArg(a: Arg): string {
  if ('i' in a) return `${a.i}`;
  return Object.is(a.f, -0) ? '-0.0' : Number.isInteger(a.f) && Math.abs(a.f) < 1e21 ? `${a.f}.0` : `${a.f}`;
}

/** An outcome as both sides report it. */
export type Outcome =
  | { int: string }
  | { float: string }
  | { bool: boolean }
  | { tuple: Outcome[] }
  | { complex: true }
  | { bigint: true }
  | { err: [string, string] };

export function sameOutcome(a: Outcome, b: Outcome): boolean {
  if ('float' in a && 'float' in b) {
    const x = floatFromBits(a.float);
    const y = floatFromBits(b.float);
    return (Number.isNaN(x) && Number.isNaN(y)) || a.float === b.float; // NaN payloads are not observable from JS
  }
  if ('tuple' in a && 'tuple' in b) return a.tuple.length === b.tuple.length && a.tuple.every((o, i) => sameOutcome(o, b.tuple[i]!));
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Distance in units in the last place between two finite floats (Infinity when not comparable). */
export function ulpDistance(a: Outcome, b: Outcome): number {
  if (!('float' in a) || !('float' in b)) return Infinity;
  const x = floatFromBits(a.float);
  const y = floatFromBits(b.float);
  if (!Number.isFinite(x) || !Number.isFinite(y) || Math.sign(x) !== Math.sign(y)) return Infinity;
  const ord = (h: string): bigint => BigInt(`0x${h}`) & 0x7fffffffffffffffn;
  const d = ord(a.float) - ord(b.float);
  return Number(d < 0n ? -d : d);
}

// ── the CPython oracle ───────────────────────────────────────────────────

export interface Case {
  readonly fn: string;
  readonly args: readonly Arg[];
}

/** Runs every case through one `python3 oracle.py` process. */
export async function runOracle(cases: readonly Case[]): Promise<Outcome[]> {
  const py = spawn(process.env.PORTALIS_PYTHON ?? 'python3', [path.join(TEST_DIR, 'oracle.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const results: Outcome[] = new Array(cases.length);
  const lines = createInterface({ input: py.stdout });
  const done = new Promise<void>((resolve, reject) => {
    let n = 0;
    lines.on('line', (line) => {
      const r = JSON.parse(line) as Outcome & { id: number };
      const { id, ...rest } = r;
      results[id] = rest as Outcome;
      n++;
    });
    py.once('error', reject);
    py.once('close', (code) => (code === 0 && n === cases.length ? resolve() : reject(new Error(`python3 exited ${code} after ${n} of ${cases.length} cases`))));
  });
  const payload = cases.map((c, id) => JSON.stringify({ id, fn: c.fn, args: c.args.map(encodeArg) })).join('\n');
  py.stdin.end(`${payload}\n`);
  await done;
  return results;
}

/** A small deterministic PRNG (mulberry32) so the random cases are the same on every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
