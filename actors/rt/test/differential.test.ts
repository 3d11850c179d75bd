/**
 * portalis_rt against CPython: every case of cases.ts runs through the
 * wasm32 build of the rt (driver.rs, compiled with the toolchain the build
 * stage finds, i.e. /usr/bin/rustc 1.63 here) and through `python3`
 * (oracle.py, one process for the whole file). Values must be identical
 * (floats bit for bit; NaN payloads are not observable from JS) and
 * exceptions must have the same class and message.
 *
 * Where Portalis differs on purpose the expectation is adjusted, never
 * skipped: an int outside i64 must be our OverflowError, `int ** -n` our
 * ValueError, a complex power our ValueError (see actors/rt/README.md).
 *
 * The libm-backed functions (exp, log, sin, pow...) are correctly rounded
 * in portalis_rt; glibc's are too except in rare near-halfway cases, where
 * CPython's result is 1 ulp off. Those few inputs are listed in
 * libm-differences.json (regenerate with PORTALIS_UPDATE_LIBM_DIFFS=1); a
 * difference not in the list, one above 1 ulp, or one where portalis_rt
 * is not the correctly rounded side (checked with mpmath when python3 has
 * it) fails the test.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCases, LIBM_FUNCS, SIGS } from './cases.js';
import { compileDriver, floatBits, rtMessages, runOracle, sameOutcome, showArg, TEST_DIR, ulpDistance, type Case, type Outcome } from './harness.js';

type Exports = Record<string, (...args: unknown[]) => unknown> & { memory: WebAssembly.Memory };

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

let skip: string | null = null;
let exports: Exports;
let msg: Record<string, string>;

beforeAll(async () => {
  msg = await rtMessages();
  const driver = await compileDriver();
  if ('skip' in driver) {
    skip = driver.skip;
    return;
  }
  const inst = await WebAssembly.instantiate(await WebAssembly.compile(driver.wasm as BufferSource), {});
  exports = inst.exports as unknown as Exports;
});

function callWasm(c: Case): Outcome {
  const sig = SIGS[c.fn]!;
  const f = exports[`d_${c.fn}`];
  if (!f) throw new Error(`driver has no d_${c.fn}`);
  const raw = f(...c.args.map((a) => ('i' in a ? a.i : a.f)));
  const statePtr = (exports.__portalis_state_ptr as () => number)();
  const state = new Int32Array(exports.memory.buffer)[statePtr >> 2];
  if (state === 1) {
    const ptr = (exports.__portalis_error_ptr as () => number)();
    const len = (exports.__portalis_error_len as () => number)();
    const record = new TextDecoder().decode(new Uint8Array(exports.memory.buffer, ptr, len));
    (exports.__portalis_clear as () => void)();
    const nl = record.indexOf('\n');
    return { err: [record.slice(0, nl), record.slice(nl + 1)] };
  }
  if (state !== 0) throw new Error(`unexpected state ${state} after ${c.fn}`);
  switch (sig.ret) {
    case 'int':
      return { int: String(raw) };
    case 'float':
      return { float: floatBits(raw as number) };
    case 'bool':
      return { bool: raw === 1 };
    case 'int2':
      return { tuple: [{ int: String(raw) }, { int: String((exports.d_second_i as () => bigint)()) }] };
    case 'float2':
      return { tuple: [{ float: floatBits(raw as number) }, { float: floatBits((exports.d_second_f as () => number)()) }] };
  }
}

/** What Portalis must produce, given what CPython produced. */
function expected(c: Case, py: Outcome): Outcome {
  const overflow: Outcome = { err: ['OverflowError', msg.INT_OVERFLOW!] };
  const outOfRange = (o: Outcome): boolean => 'int' in o && (BigInt(o.int) < MIN || BigInt(o.int) > MAX);
  if ('bigint' in py) return overflow;
  if ('complex' in py) return { err: ['ValueError', msg.COMPLEX_POW!] };
  const ret = SIGS[c.fn]!.ret;
  if ('float' in py && (ret === 'int' || ret === 'int2')) return { err: ['ValueError', msg.NEGATIVE_INT_POW!] };
  if (outOfRange(py)) return overflow;
  if ('tuple' in py && py.tuple.some(outOfRange)) return overflow;
  return py;
}

const show = (o: Outcome): string => JSON.stringify(o);

describe('portalis_rt (wasm32) agrees with CPython', () => {
  it('on every edge and random case', async (ctx) => {
    if (skip) ctx.skip(`no wasm32 toolchain: ${skip}`);
    const cases = buildCases();
    const py = await runOracle(cases);
    const wrong: string[] = [];
    const libm: { fn: string; args: string[]; python: string; wasm: string; ulps: number; correctlyRounded: boolean | null }[] = [];
    const crByCase = new Map<number, string>();
    for (const [k, c] of cases.entries()) {
      const { cr, ...pyOutcome } = py[k] as Outcome & { cr?: string };
      py[k] = pyOutcome as Outcome;
      if (cr !== undefined) crByCase.set(k, cr);
      const want = expected(c, py[k]!);
      const got = callWasm(c);
      if (sameOutcome(want, got)) continue;
      const call = `${c.fn}(${c.args.map(showArg).join(', ')})`;
      if (LIBM_FUNCS.has(c.fn) && 'float' in want && 'float' in got) {
        const cr = crByCase.get(k);
        libm.push({
          fn: c.fn,
          args: c.args.map(showArg),
          python: show(want),
          wasm: show(got),
          ulps: ulpDistance(want, got),
          correctlyRounded: cr === undefined ? null : got.float === cr,
        });
        continue;
      }
      wrong.push(`${call}: CPython ${show(py[k]!)} → expected ${show(want)}, wasm gave ${show(got)}`);
    }
    const byFn = new Map<string, number>();
    for (const w of wrong) byFn.set(w.slice(0, w.indexOf('(')), (byFn.get(w.slice(0, w.indexOf('('))) ?? 0) + 1);
    expect(wrong.slice(0, 40), `${[...byFn].map(([f, n]) => `${f}: ${n}`).join(', ')}; `+ `${wrong.length} of ${cases.length} cases differ`).toEqual([]);

    // libm last-bit differences: reported, compared with the recorded list.
    const known = JSON.parse(await readFile(path.join(TEST_DIR, 'libm-differences.json'), 'utf8')) as { fn: string; args: string[] }[];
    const key = (d: { fn: string; args: string[] }): string => `${d.fn}(${d.args.join(', ')})`;
    const knownKeys = new Set(known.map(key));
    if (process.env.PORTALIS_UPDATE_LIBM_DIFFS) {
      await writeFile(path.join(TEST_DIR, 'libm-differences.json'), `${JSON.stringify(libm, null, 1)}\n`);
    }
    if (libm.length > 0) {
      console.warn(
        `portalis_rt: ${libm.length} libm result(s) differ from CPython/glibc in the last bit:\n` +
          libm.map((d) => `  ${key(d)}: CPython ${d.python}, wasm ${d.wasm} (${d.ulps} ulp)`).join('\n'),
      );
    }
    expect(libm.filter((d) => d.ulps > 1).map(key), 'libm differences above 1 ulp').toEqual([]);
    // Where we differ from glibc, we must be the correctly rounded one (checked when mpmath is installed).
    expect(libm.filter((d) => d.correctlyRounded === false).map(key), 'differences where Portalis is not correctly rounded').toEqual([]);
    expect(libm.map(key).filter((k) => !knownKeys.has(k)), 'new libm differences (not in libm-differences.json)').toEqual([]);
  });
});
