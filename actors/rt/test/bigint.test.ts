/**
 * PyInt (actors/rt/src/pyint.rs) against CPython: a few thousand seeded
 * random and boundary cases (0 to ~2,000 bits, negatives, values around
 * 2^53, 2^63, 2^64, powers of two ± 1) run through the wasm32 build of
 * bigint_driver.rs (compiled with the toolchain the build stage finds, i.e.
 * /usr/bin/rustc 1.63 here) and through one `python3 bigint_oracle.py`
 * process. Results must be identical: ints exactly, floats bit for bit,
 * exceptions by class and message.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSupportLibrary } from '../../src/build/support-library.js';
import { findToolchain, isToolchain, WASM_TARGET } from '../../src/build/toolchain.js';
import { runProcess } from '../../src/build/run-process.js';
import { floatBits, prng, TEST_DIR } from './harness.js';

interface Driver {
  memory: WebAssembly.Memory;
  b_alloc(len: number): number;
  b_run(): void;
  b_out_ptr(): number;
  b_out_len(): number;
}

let skip: string | null = null;
let driver: Driver;

beforeAll(async () => {
  const tc = await findToolchain();
  if (!isToolchain(tc)) {
    skip = tc.message;
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'portalis-rt-bigint-'));
  const rlib = await buildSupportLibrary(tc, dir);
  const out = path.join(dir, 'bigint_driver.wasm');
  const res = await runProcess(tc.rustc, [
    '--edition', '2021', '--crate-type', 'cdylib', '--target', WASM_TARGET,
    '-C', 'opt-level=3', '-C', 'debuginfo=0', '-C', 'strip=symbols',
    '--extern', `portalis_rt=${rlib}`, '-o', out, path.join(TEST_DIR, 'bigint_driver.rs'),
  ]);
  if (res.code !== 0) throw new Error(`bigint_driver.rs failed to compile:\n${res.stderr}`);
  const inst = await WebAssembly.instantiate(await WebAssembly.compile(await readFile(out)), {});
  driver = inst.exports as unknown as Driver;
}, 120_000);

function runWasm(lines: readonly string[]): string[] {
  const input = new TextEncoder().encode(lines.join('\n') + '\n');
  const ptr = driver.b_alloc(input.length);
  new Uint8Array(driver.memory.buffer, ptr, input.length).set(input);
  driver.b_run();
  const text = new TextDecoder().decode(new Uint8Array(driver.memory.buffer, driver.b_out_ptr(), driver.b_out_len()));
  return text.split('\n').slice(0, -1);
}

async function runPython(lines: readonly string[]): Promise<string[]> {
  const py = spawn(process.env.PORTALIS_PYTHON ?? 'python3', [path.join(TEST_DIR, 'bigint_oracle.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  py.stdout.on('data', (c: Buffer) => chunks.push(c));
  const code = await new Promise<number | null>((resolve, reject) => {
    py.once('error', reject);
    py.once('close', resolve);
    py.stdin.end(lines.join('\n') + '\n');
  });
  if (code !== 0) throw new Error(`python3 bigint_oracle.py exited ${code}`);
  return Buffer.concat(chunks).toString('utf8').split('\n').slice(0, -1);
}

// ── cases ────────────────────────────────────────────────────────────────

const hex = (v: bigint): string => (v < 0n ? `-${(-v).toString(16)}` : v.toString(16));
const utf8hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex');

const factorial = (n: number): bigint => {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  return f;
};
const fib = (n: number): bigint => {
  let [a, b] = [0n, 1n];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
};

/** Values every binary operation meets: boundaries and the examples. */
function boundaries(): bigint[] {
  const out = [0n, 1n, 2n, 3n, 7n, 10n, 255n];
  for (const k of [31, 32, 52, 53, 54, 62, 63, 64, 65, 96, 127, 128, 200, 1023, 1024, 1025]) {
    const p = 2n ** BigInt(k);
    out.push(p - 1n, p, p + 1n);
  }
  out.push(factorial(60), fib(300), 10n ** 30n, 10n ** 400n, factorial(170));
  return [...out, ...out.map((v) => -v)];
}

function cases(): string[] {
  const rnd = prng(0x5eed);
  const bound = boundaries();
  const randBits = (max: number): bigint => {
    const bits = Math.floor(rnd() ** 2 * max); // skewed towards small values
    let v = 0n;
    for (let i = 0; i < bits; i += 30) v = (v << 30n) | BigInt(Math.floor(rnd() * 2 ** 30));
    v &= (1n << BigInt(bits)) - 1n;
    return rnd() < 0.5 ? -v : v;
  };
  const value = (max = 2000): bigint => (rnd() < 0.25 ? bound[Math.floor(rnd() * bound.length)]! : randBits(max));
  const out: string[] = [];
  const N = 300;

  for (const op of ['add', 'sub', 'mul', 'floordiv', 'mod', 'divmod', 'and', 'or', 'xor', 'cmp', 'truediv']) {
    for (let k = 0; k < N; k++) {
      let [a, b] = [value(), value()];
      if (op === 'truediv' && rnd() < 0.3) b = value(60); // results around 1, tiny and huge
      if (rnd() < 0.05) b = 0n;
      if (op === 'cmp' && rnd() < 0.2) b = a;
      out.push(`${op} ${hex(a)} ${hex(b)}`);
    }
  }
  // true division near the subnormal range and the overflow threshold, halfway cases included
  for (let k = 0; k < N; k++) {
    const a = randBits(60) || 1n;
    const shift = BigInt(1000 + Math.floor(rnd() * 90));
    const b = (a << shift) + BigInt(Math.floor(rnd() * 5) - 2) * (rnd() < 0.5 ? 1n : a);
    out.push(`truediv ${hex(a)} ${hex(b)}`, `truediv ${hex(b)} ${hex(a)}`, `truediv ${hex(a * 3n)} ${hex((b << 1n) || 1n)}`);
  }
  for (const op of ['neg', 'abs', 'invert', 'hash', 'float', 'str', 'bitlen']) {
    for (let k = 0; k < N; k++) out.push(`${op} ${hex(value(op === 'float' ? 1100 : 2000))}`);
  }
  for (let k = 0; k < N; k++) {
    out.push(`pow ${hex(value(rnd() < 0.5 ? 64 : 300))} ${hex(BigInt(Math.floor(rnd() * 40) - 5))}`);
    out.push(`powmod ${hex(value(300))} ${hex(value(200))} ${hex(rnd() < 0.05 ? 0n : value(300))}`);
    out.push(`powmod ${hex(value(64))} ${hex(BigInt(-1 - Math.floor(rnd() * 5)))} ${hex(value(64))}`);
    const n = BigInt(Math.floor(rnd() * 300) - 10);
    out.push(`lshift ${hex(value())} ${hex(n)}`, `rshift ${hex(value())} ${hex(n)}`, `rshift ${hex(value())} ${hex(n * 10n)}`);
  }
  for (let k = 0; k < N; k++) {
    // exactly representable, halfway and non-integral floats, plus specials
    const bitsPattern = BigInt.asUintN(64, (BigInt(Math.floor(rnd() * 2 ** 32)) << 32n) | BigInt(Math.floor(rnd() * 2 ** 32)));
    out.push(`fromfloat ${bitsPattern.toString(16).padStart(16, '0')}`);
  }
  for (const x of [NaN, Infinity, -Infinity, 0, -0, 0.5, -0.9, 2 ** 63, -(2 ** 63), 2 ** 64, 1e300, -1.7976931348623157e308]) {
    out.push(`fromfloat ${floatBits(x)}`);
  }
  // int(str, base): round trips of random values in random bases, and the grammar's edges
  for (let k = 0; k < N; k++) {
    const base = [2, 8, 10, 16, 36, 3, 7][Math.floor(rnd() * 7)]!;
    const v = value();
    out.push(`fromstr ${base} ${utf8hex(v.toString(base))}`);
  }
  const strings = [
    '0', '-0', '+7', ' 42 ', '\t-12\n', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '-0x_1f', '0b101', '0o17', '010', '00', '0_0',
    '', '   ', '+', '-', '1 2', 'abc', 'ZZ', 'zz', '0x', '0b_', '12\u0085', '\u00a012\u2003', ' \x1c12', "a'b", 'a\'"b', 'tab\there',
    '\u00e9', '\u200b7', '1\u00ad', '\u{e0001}1', '\u0378', '\u{10ffff}', '\u2028', '\u3000', '\x00', '\x7f\\', '\u{1f600}', '\u0300', '\u0660x1f', '\uff11\uff12', '\u{1d7ce}7', 'x'.repeat(300), '1'.repeat(4300), '1'.repeat(4301), 'f'.repeat(5000), '9'.repeat(600), '٣',
  ];
  for (const s of strings) for (const base of [0, 2, 8, 10, 16, 36, 1, 37]) out.push(`fromstr ${base} ${utf8hex(s)}`);
  out.push(`str ${hex(10n ** 4299n)}`, `str ${hex(10n ** 4300n)}`, `str ${hex(-(10n ** 4300n) + 1n)}`, `str ${hex(factorial(1000))}`);
  out.push(`pow 2 c8`, `pow 0 -1`, `pow 0 0`, `pow -1 -3`, `pow ${hex(10n ** 400n)} -1`, `powmod 2 -1 1`, `powmod 0 -1 1`, `powmod 3 -1 -7`);
  return out;
}

describe('PyInt (wasm32) agrees with CPython', () => {
  it('on seeded random and boundary cases', async (ctx) => {
    if (skip) ctx.skip(`no wasm32 toolchain: ${skip}`);
    const lines = cases();
    const [py, wasm] = [await runPython(lines), runWasm(lines)];
    expect(py.length).toBe(lines.length);
    expect(wasm.length).toBe(lines.length);
    const wrong: string[] = [];
    for (const [k, line] of lines.entries()) {
      if (py[k] !== wasm[k]) wrong.push(`${line.slice(0, 200)}\n  CPython: ${py[k]!.slice(0, 300)}\n  wasm:    ${wasm[k]!.slice(0, 300)}`);
    }
    expect(wrong.slice(0, 20), `${wrong.length} of ${lines.length} cases differ`).toEqual([]);
    // the test is only as good as its variety: errors and big results both occur
    expect(py.filter((r) => r.startsWith('e ')).length).toBeGreaterThan(100);
    expect(py.filter((r) => r.startsWith('i ') && r.length > 40).length).toBeGreaterThan(1000);
  }, 60_000);
});
