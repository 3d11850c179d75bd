/**
 * The transpiler on real programs (tests/fixtures/transpile/<case>.py):
 *
 * - snapshots: the generated Rust must equal <case>.rs (`PORTALIS_UPDATE=1`
 *   rewrites them), and transpiling twice gives the same text;
 * - every snapshot compiles with /usr/bin/rustc 1.63 for wasm32 against the
 *   real portalis_rt, without a single warning, and with the current stable
 *   rustc on PATH (a check build, which has no wasm32 target here);
 * - a few compiled functions are run and compared with CPython's answers.
 *
 * The compile checks skip, visibly, when no toolchain is there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analysis.js';
import { buildSupportLibrary } from '../build/support-library.js';
import { RT_SOURCE_DIR } from '../build/support-library.js';
import { findToolchain, isToolchain } from '../build/toolchain.js';
import { ingest } from '../ingest/ingest.js';
import { specify } from '../spec/spec.js';
import { transpile } from './transpile.js';
import { isSnakeCase, isUpperCase, pickIdent } from './names.js';
import { floatLiteral, intLiteral } from './rust-expr.js';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/transpile/', import.meta.url));
const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.py'))
  .map((f) => f.slice(0, -3))
  .sort();
const UPDATE = process.env.PORTALIS_UPDATE === '1';
/** Outputs of this run (rustc writes its intermediates next to them, so never shared between runs). */
const WORK = mkdtempSync(path.join(os.tmpdir(), 'portalis-transpile-'));
/** The portalis_rt rlib cache, shared between runs (buildSupportLibrary is safe for that). */
const RT_CACHE = path.join(os.tmpdir(), 'portalis-transpile-rt-cache');

async function rustOf(name: string): Promise<string> {
  const file = path.join(FIXTURES, `${name}.py`);
  const analysis = await analyze(await ingest({ file }));
  expect(analysis.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  const { spec, diagnostics } = await specify(analysis);
  expect(diagnostics).toEqual([]);
  const out = await transpile({ analysis, spec });
  expect(out.diagnostics).toEqual([]);
  return out.rust;
}

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('snapshots', () => {
  it('has at least 12 realistic cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s.py → %s.rs', async (name) => {
    const rust = await rustOf(name);
    const snapshot = path.join(FIXTURES, `${name}.rs`);
    if (UPDATE || !existsSync(snapshot)) writeFileSync(snapshot, rust);
    expect(rust).toBe(readFileSync(snapshot, 'utf8'));
    // Deterministic: a second run from scratch gives the same text.
    expect(await rustOf(name)).toBe(rust);
  });
});

describe('Rust details', () => {
  it('writes floats so rustc reads back the same double', () => {
    expect(floatLiteral(0.1).code).toBe('0.1');
    expect(floatLiteral(2).code).toBe('2.0');
    expect(floatLiteral(1e21).code).toBe('1.0e21');
    expect(floatLiteral(6.674e-11).code).toBe('6.674e-11');
    expect(floatLiteral(5e-324).code).toBe('5.0e-324');
    expect(floatLiteral(-0).code).toBe('-0.0');
    expect(floatLiteral(-1.5).code).toBe('-1.5');
    expect(floatLiteral(Infinity).code).toBe('f64::INFINITY');
    expect(floatLiteral(NaN).code).toBe('f64::NAN');
  });

  it('writes ints that do not fit i32 with a suffix, and i64::MIN by name', () => {
    expect(intLiteral(7n).code).toBe('7');
    expect(intLiteral(-3n).code).toBe('-3');
    expect(intLiteral(2n ** 40n).code).toBe('1099511627776_i64');
    expect(intLiteral(-(2n ** 63n)).code).toBe('i64::MIN');
  });

  it('keeps Python names, raw-escapes keywords and avoids names generated code relies on', () => {
    const taken = new Set<string>();
    expect(pickIdent('total', taken)).toBe('total');
    expect(pickIdent('type', taken)).toBe('r#type');
    expect(pickIdent('self', taken)).toBe('self_');
    expect(pickIdent('int_add', taken)).toBe('int_add_');
    expect(pickIdent('Ok', taken)).toBe('Ok_');
    expect(pickIdent('total', taken)).toBe('total_');
  });

  it('predicts rustc naming lints', () => {
    expect(isSnakeCase('fib_iter')).toBe(true);
    expect(isSnakeCase('_private')).toBe(true);
    expect(isSnakeCase('fib__wide')).toBe(false);
    expect(isSnakeCase('fibRec')).toBe(false);
    expect(isUpperCase('MAX_N')).toBe(true);
    expect(isUpperCase('g')).toBe(false);
  });
});

// ── compiling the snapshots ──────────────────────────────────────────────

const DEBIAN_RUSTC = '/usr/bin/rustc';
let wasmSkip: string | null = null;
let rlib = '';

function compileWasm(name: string): { status: number | null; stderr: string; wasm: string } {
  mkdirSync(WORK, { recursive: true });
  const wasm = path.join(WORK, `${name}.wasm`);
  const r = spawnSync(
    DEBIAN_RUSTC,
    [
      '--edition', '2021', '--crate-type', 'cdylib', '--target', 'wasm32-unknown-unknown', '-C', 'opt-level=1', '-C', 'panic=abort',
      '--crate-name', name, '--extern', `portalis_rt=${rlib}`, '-o', wasm, path.join(FIXTURES, `${name}.rs`),
    ],
    { encoding: 'utf8' },
  );
  return { status: r.status, stderr: r.stderr, wasm };
}

describe('the snapshots compile with rustc 1.63 for wasm32, warning-free', () => {
  beforeAll(async () => {
    if (!existsSync(DEBIAN_RUSTC)) {
      wasmSkip = `${DEBIAN_RUSTC} is not installed`;
      return;
    }
    const tc = await findToolchain({ rustc: DEBIAN_RUSTC });
    if (!isToolchain(tc)) {
      wasmSkip = tc.message;
      return;
    }
    rlib = await buildSupportLibrary(tc, RT_CACHE);
  });

  it.for(cases)('%s.rs', (name, ctx) => {
    if (wasmSkip) return ctx.skip(wasmSkip);
    const { status, stderr } = compileWasm(name);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  // `#[allow(...)]` only where the lint fires: compile without the allows
  // (line numbers kept) and find each allowed lint reported inside its item.
  it.for(cases)('%s.rs allows only lints that fire', (name, ctx) => {
    if (wasmSkip) return ctx.skip(wasmSkip);
    const lines = readFileSync(path.join(FIXTURES, `${name}.rs`), 'utf8').split('\n');
    const allows: { line: number; end: number; lints: string[] }[] = [];
    lines.forEach((text, i) => {
      const m = /^\s*#\[allow\((.*)\)\]$/.exec(text);
      if (!m) return;
      let end = i;
      while (end < lines.length && lines[end] !== '') end++;
      allows.push({ line: i + 1, end: end + 1, lints: m[1]!.split(', ') });
      lines[i] = text.replace(/#\[allow\(.*\)\]/, '// (allow removed)');
    });
    if (allows.length === 0) return;
    mkdirSync(WORK, { recursive: true });
    const stripped = path.join(WORK, `${name}_noallow.rs`);
    writeFileSync(stripped, lines.join('\n'));
    const r = spawnSync(
      DEBIAN_RUSTC,
      ['--error-format=json', '--edition', '2021', '--crate-type', 'cdylib', '--target', 'wasm32-unknown-unknown', '--crate-name', `${name}_noallow`, '--extern', `portalis_rt=${rlib}`, '-o', path.join(WORK, `${name}_noallow.wasm`), stripped],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const fired = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: string; code: { code: string } | null; spans: { line_start: number; is_primary: boolean }[] })
      .filter((d) => d.level === 'warning' && d.code)
      .map((d) => ({ lint: d.code!.code, line: d.spans.find((s) => s.is_primary)?.line_start ?? 0 }));
    for (const a of allows) {
      for (const lint of a.lints) {
        expect(fired.some((f) => f.lint === lint && f.line >= a.line && f.line < a.end), `${name}.rs:${a.line} allows ${lint}`).toBe(true);
      }
    }
  });

  type Exports = Record<string, (...args: unknown[]) => unknown> & { memory: WebAssembly.Memory };
  async function load(name: string): Promise<Exports> {
    const { instance } = await WebAssembly.instantiate(readFileSync(path.join(WORK, `${name}.wasm`)), {});
    return instance.exports as unknown as Exports;
  }
  function state(e: Exports): number {
    return new Int32Array(e.memory.buffer)[(e.__portalis_state_ptr!() as number) >> 2]!;
  }
  function error(e: Exports): string {
    const bytes = new Uint8Array(e.memory.buffer, e.__portalis_error_ptr!() as number, e.__portalis_error_len!() as number);
    const text = new TextDecoder().decode(bytes);
    e.__portalis_clear!();
    return text;
  }

  // Expected values are CPython 3.11's.
  it('runs: results and exceptions agree with CPython', async (ctx) => {
    if (wasmSkip) return ctx.skip(wasmSkip);
    for (const name of ['fib', 'primes', 'loop_else', 'floor_semantics', 'rounding', 'chained', 'bool_logic', 'calls']) {
      if (!existsSync(path.join(WORK, `${name}.wasm`))) compileWasm(name);
    }
    const fib = await load('fib');
    expect(fib.fib!(20)).toBe(6765);
    expect(fib.fib_iter__wide!(90n)).toBe(2880067194370816120n);
    const primes = await load('primes');
    expect([primes.count_primes!(100), primes.nth_prime!(100), primes.is_prime!(97)]).toEqual([25, 541, 1]);
    const loops = await load('loop_else');
    expect([loops.first_divisor!(91), loops.first_divisor!(97), loops.search!(10, 49), loops.search!(5, 49), loops.pairs!(20), loops.skip_odd!(9)]).toEqual([
      7, 97, 7, -1, 16, 20,
    ]);
    const fs = await load('floor_semantics');
    expect([fs.floor_div!(-7, 2), fs.modulo!(-7, 2), fs.modulo!(7, -2), fs.div_mod_sum!(-7, 3), fs.true_div!(1, 3)]).toEqual([-4, 1, -1, -3, 1 / 3]);
    expect([fs.float_parts!(-7.5, 2), fs.inverse_square!(4), fs.bits!(12, 10), fs.bool_math!(1, 1)]).toEqual([-7, 0.0625, -7, 3]);
    expect(fs.floor_div!(1, 0)).toBe(0);
    expect(state(fs)).toBe(1);
    expect(error(fs)).toBe('ZeroDivisionError\ninteger division or modulo by zero');
    fs.shifted!(1, 63);
    expect(error(fs)).toMatch(/^OverflowError\n/);
    const rounding = await load('rounding');
    expect([rounding.bankers!(2.5), rounding.bankers!(3.5), rounding.bankers!(-0.5), rounding.to_cents!(2.675), rounding.round_to_hundreds!(250)]).toEqual([
      2, 4, 0, 2.67, 200,
    ]);
    expect([rounding.truncate!(-2.7), rounding.floor_ceil_sum!(-2.5), rounding.half_even_count!(-5, 5)]).toEqual([-2, -7, 10]);
    rounding.truncate!(NaN);
    expect(error(rounding)).toBe('ValueError\ncannot convert float NaN to integer');
    const chained = await load('chained');
    expect([chained.in_range!(1, 5, 5), chained.ordered!(1, 2, 3), chained.squares_between!(3, 2, 4), chained.mixed!(1, 1.5), chained.sign!(-0.0)]).toEqual([
      0, 1, 1, 9, 0,
    ]);
    expect(chained.mixed__wide!(9007199254740993n, 9007199254740992)).toBe(8n);
    const logic = await load('bool_logic');
    expect([logic.first_nonzero!(0, 0, 3), logic.both!(2, 0), logic.fallback!(0, 1.5), logic.describe!(0, 0), logic.clamp!(15, 0, 10), logic.count_true!(1, 0, 1)]).toEqual([
      3, 0, 1.5, 2, 10, 2,
    ]);
    const calls = await load('calls');
    expect([calls.norm2!(3, 4), calls.mix!(1, 2), calls.even_count!(7), calls.ackermann!(2, 3)]).toEqual([25, 3.5, 4, 9]);
  });
});

describe('the snapshots pass the current stable rustc (check build)', () => {
  const stable = spawnSync('rustc', ['--version'], { encoding: 'utf8' });
  const stableSkip = stable.status !== 0 ? 'no rustc on PATH' : stable.stdout.startsWith('rustc 1.63') ? 'the rustc on PATH is 1.63 (checked above)' : null;
  let rmeta = '';
  beforeAll(() => {
    if (stableSkip) return;
    const dir = path.join(WORK, 'stable');
    mkdirSync(dir, { recursive: true });
    const r = spawnSync('rustc', ['--edition', '2021', '--crate-type', 'rlib', '--crate-name', 'portalis_rt', '--emit', 'metadata', '--cap-lints', 'allow', '--out-dir', dir, path.join(RT_SOURCE_DIR, 'lib.rs')], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`portalis_rt does not build with ${stable.stdout.trim()}: ${r.stderr}`);
    rmeta = path.join(dir, 'libportalis_rt.rmeta');
  });

  it.for(cases)('%s.rs', (name, ctx) => {
    if (stableSkip) return ctx.skip(stableSkip);
    const r = spawnSync(
      'rustc',
      ['--edition', '2021', '--crate-type', 'cdylib', '--emit', 'metadata', '--crate-name', name, '--extern', `portalis_rt=${rmeta}`, '--out-dir', path.join(WORK, 'stable'), path.join(FIXTURES, `${name}.rs`)],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
