/**
 * portalis_rt's strings and formatting against CPython: every case of
 * str-cases.ts (~77,000: str methods on random strings over a Unicode-heavy
 * alphabet, repr, int()/float() parsing, format specs for int/float/str/bool,
 * int formatting/bin/oct/hex/int() through the arbitrary-precision PyInt API,
 * and the properties and case mappings of every BMP code point and every
 * 13th above) runs through the wasm32 build of the rt (str_driver.rs) and
 * through one `python3 str_oracle.py` process. Results must be identical,
 * exceptions by class and message.
 *
 * Adjusted on purpose, never skipped: an int() result outside i64 must be
 * our OverflowError (INT_OVERFLOW); a lone surrogate (chr(0xd800),
 * format(0xd800, 'c')) must be our ValueError (LONE_SURROGATE), since
 * Portalis strings are UTF-8.
 *
 * Also checks that the committed unicode_tables.rs is what
 * tools/gen_unicode.py generates, when python3 is 3.11 (the Unicode 14 of
 * CPython 3.11).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSupportLibrary } from '../../src/build/support-library.js';
import { findToolchain, isToolchain, WASM_TARGET } from '../../src/build/toolchain.js';
import { runProcess } from '../../src/build/run-process.js';
import { RT_SRC, rtMessages, TEST_DIR } from './harness.js';
import { buildStrCases, type SArg, type SCase } from './str-cases.js';

type Result = { ok: unknown } | { err: [string, string] } | { surrogate: true } | { bigint: true };

interface Driver {
  memory: WebAssembly.Memory;
  d_alloc(len: number): number;
  d_free(p: number, len: number): void;
  d_call(p: number, len: number): void;
  d_result_ptr(): number;
  d_result_len(): number;
}

let skip: string | null = null;
let wasmModule: WebAssembly.Module;
let driver: Driver;

async function instantiate(): Promise<void> {
  driver = (await WebAssembly.instantiate(wasmModule, {})).exports as unknown as Driver;
}

async function compileStrDriver(): Promise<Uint8Array | { skip: string }> {
  const tc = await findToolchain();
  if (!isToolchain(tc)) return { skip: tc.message };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'portalis-rt-str-'));
  const rlib = await buildSupportLibrary(tc, dir);
  const out = path.join(dir, 'str_driver.wasm');
  const res = await runProcess(tc.rustc, [
    '--edition', '2021', '--crate-type', 'cdylib', '--target', WASM_TARGET,
    '-C', 'opt-level=2', '-C', 'debuginfo=0', '-C', 'panic=abort',
    '--extern', `portalis_rt=${rlib}`, '-o', out, path.join(TEST_DIR, 'str_driver.rs'),
  ]);
  if (res.code !== 0) throw new Error(`str_driver.rs failed to compile:\n${res.stderr}`);
  return new Uint8Array(await readFile(out));
}

beforeAll(async () => {
  const wasm = await compileStrDriver();
  if (!(wasm instanceof Uint8Array)) {
    skip = wasm.skip;
    return;
  }
  wasmModule = await WebAssembly.compile(wasm as BufferSource);
  await instantiate();
}, 120_000);

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function encodeArg(a: SArg): string {
  const field = (tag: string, text: string): string => `${tag}${utf8.encode(text).length}:${text}`;
  if (a === null) return 'n0:';
  if ('s' in a) return field('s', a.s);
  if ('i' in a) return field('i', a.i);
  if ('p' in a) return field('p', a.p);
  if ('f' in a) return field('f', a.f);
  if ('b' in a) return field('b', a.b ? '1' : '0');
  return field('l', a.l.map((x) => field('s', x)).join(''));
}

/** One case through the wasm driver; a trap (a panic) is reported as `{ trap }` and the instance replaced. */
async function callWasm(c: SCase): Promise<Result | { trap: string }> {
  try {
    return callWasmOnce(c);
  } catch (e) {
    await instantiate();
    return { trap: String(e) };
  }
}

function callWasmOnce(c: SCase): Result {
  const req = utf8.encode(`${c.fn} ${c.args.map(encodeArg).join('')}`);
  const p = driver.d_alloc(req.length);
  new Uint8Array(driver.memory.buffer, p, req.length).set(req);
  driver.d_call(p, req.length);
  driver.d_free(p, req.length);
  const text = fromUtf8.decode(new Uint8Array(driver.memory.buffer, driver.d_result_ptr(), driver.d_result_len()));
  return JSON.parse(text) as Result;
}

async function runStrOracle(cases: readonly SCase[]): Promise<Result[]> {
  const py = spawn(process.env.PORTALIS_PYTHON ?? 'python3', [path.join(TEST_DIR, 'str_oracle.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const results: Result[] = new Array(cases.length);
  const lines = createInterface({ input: py.stdout });
  let n = 0;
  const done = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      const { id, ...rest } = JSON.parse(line) as Result & { id: number };
      results[id] = rest as Result;
      n++;
    });
    py.once('error', reject);
    py.once('close', (code) => (code === 0 && n === cases.length ? resolve() : reject(new Error(`python3 exited ${code} after ${n} of ${cases.length} cases`))));
  });
  py.stdin.end(cases.map((c, id) => JSON.stringify({ id, fn: c.fn, args: c.args })).join('\n') + '\n');
  await done;
  return results;
}

function show(a: SArg): string {
  if (a === null) return 'None';
  if ('s' in a) return JSON.stringify(a.s);
  if ('i' in a) return a.i;
  if ('p' in a) return a.p.length > 60 ? `0x${a.p.slice(0, 30)}...(${a.p.length} hex digits)` : `0x${a.p}`;
  if ('f' in a) return `float(0x${a.f})`;
  if ('b' in a) return a.b ? 'True' : 'False';
  return JSON.stringify(a.l);
}

describe('portalis_rt strings (wasm32) agree with CPython', () => {
  it('on every edge and random case', async (ctx) => {
    if (skip) ctx.skip(`no wasm32 toolchain: ${skip}`);
    const msg = await rtMessages();
    const src = await readFile(path.join(RT_SRC, 'str.rs'), 'utf8');
    const lone = /pub const LONE_SURROGATE: &str = "([^"]*)";/.exec(src)![1]!;
    const cases = buildStrCases();
    const py = await runStrOracle(cases);
    const wrong: string[] = [];
    const byFn = new Map<string, number>();
    for (const [k, c] of cases.entries()) {
      let want = py[k]!;
      if ('surrogate' in want) want = { err: ['ValueError', lone] };
      if ('bigint' in want) want = { err: ['OverflowError', msg.INT_OVERFLOW!] };
      const got = await callWasm(c);
      if (JSON.stringify(got) === JSON.stringify(want)) continue;
      byFn.set(c.fn, (byFn.get(c.fn) ?? 0) + 1);
      wrong.push(`${c.fn}(${c.args.map(show).join(', ')}): CPython ${JSON.stringify(want)}, wasm ${JSON.stringify(got)}`);
    }
    expect(wrong.slice(0, 30), `${[...byFn].map(([f, n]) => `${f}: ${n}`).join(', ')}; ${wrong.length} of ${cases.length} cases differ`).toEqual([]);
  }, 120_000);

  it('ship the Unicode tables tools/gen_unicode.py generates (python3 3.11)', async (ctx) => {
    const run = promisify(execFile);
    const python = process.env.PORTALIS_PYTHON ?? 'python3';
    const version = (await run(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'])).stdout.trim();
    if (version !== '3.11') ctx.skip(`python3 is ${version}; the tables are CPython 3.11's`);
    const fresh = await run(python, [path.join(TEST_DIR, '..', 'tools', 'gen_unicode.py'), '--stdout'], { maxBuffer: 16 << 20 });
    const committed = await readFile(path.join(RT_SRC, 'unicode_tables.rs'), 'utf8');
    expect(fresh.stdout === committed, 'unicode_tables.rs differs from a fresh `python3 actors/rt/tools/gen_unicode.py`').toBe(true);
  }, 60_000);
});
