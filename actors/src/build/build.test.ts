/**
 * The build stage on real builds with the rustc it finds (/usr/bin/rustc
 * 1.63 on the dev machine): a hand-written module following the ABI
 * (__fixtures__/fib.rs) is built, validated, run, cached, corrupted and
 * rebuilt, built by two processes at once, cancelled mid-rustc, and broken
 * on purpose to check the PTL4002/PTL4003 reports.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModuleSpec } from '../spec/types.js';
import { buildWasm, type BuildResult } from './build.js';
import { cacheEntryPath } from './cache.js';
import { findToolchain, isToolchain } from './toolchain.js';
import { fibSpec } from './__fixtures__/fib.spec.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let fibRust: string;
let noToolchain: string | null = null;

beforeAll(async () => {
  fibRust = await readFile(path.join(here, '__fixtures__', 'fib.rs'), 'utf8');
  const tc = await findToolchain();
  if (!isToolchain(tc)) noToolchain = tc.message;
});

const tempCache = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'portalis-build-'));

function ok(r: BuildResult): Extract<BuildResult, { ok: true }> {
  if (!r.ok) throw new Error(`build failed: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  return r;
}

type Exports = Record<string, (...a: unknown[]) => unknown> & { memory: WebAssembly.Memory };

async function instantiate(wasm: Uint8Array): Promise<Exports> {
  const { instance } = await WebAssembly.instantiate(wasm as BufferSource, {});
  return instance.exports as unknown as Exports;
}

function state(e: Exports): number {
  return new Int32Array(e.memory.buffer)[(e.__portalis_state_ptr!() as number) >> 2]!;
}

function errorRecord(e: Exports): string {
  const ptr = e.__portalis_error_ptr!() as number;
  const len = e.__portalis_error_len!() as number;
  return new TextDecoder().decode(new Uint8Array(e.memory.buffer, ptr, len));
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const ent of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (ent.isFile()) out.push(path.relative(dir, path.join(ent.parentPath, ent.name)));
  }
  return out.sort();
}

describe('buildWasm', () => {
  it('builds a module that follows the ABI, and serves the second build from the cache', async (ctx) => {
    if (noToolchain) ctx.skip(noToolchain);
    const cacheDir = await tempCache();
    const first = ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir } }));
    expect(first.cached).toBe(false);
    expect(first.toolchain.version).toMatch(/^1\.\d+\.\d+/);

    const e = await instantiate(first.wasm);
    expect(e.fib!(20)).toBe(6765);
    expect(state(e)).toBe(0);
    expect(e.fib__wide!(90n)).toBe(2880067194370816120n);
    e.fib!(80); // 23416728348467685 > 2^53: state 2 and the exact value
    expect(state(e)).toBe(2);
    expect(e.__portalis_wide_result!()).toBe(23416728348467685n);
    e.__portalis_clear!();
    expect(e.ratio!(1, 4)).toBe(0.25);
    e.ratio!(1, 0);
    expect(state(e)).toBe(1);
    expect(errorRecord(e)).toBe('ZeroDivisionError\nfloat division by zero');
    e.__portalis_clear!();
    expect(state(e)).toBe(0);
    expect(e.is_even!(10)).toBe(1);
    expect(e.is_even__wide!(-7n)).toBe(0);
    e.check!(1);
    expect(errorRecord(e)).toBe('ValueError\nflag was set');
    e.__portalis_clear!();
    e.fib__wide!(100n); // fib(93) overflows i64
    expect(errorRecord(e)).toMatch(/^OverflowError\nint result does not fit in 64 bits/);
    e.__portalis_clear!();
    // The recursion guard: 1000 translated frames are fine, 1001 raise RecursionError.
    expect(e.depth!(999)).toBe(999);
    expect(state(e)).toBe(0);
    e.depth!(1000);
    expect(errorRecord(e)).toBe('RecursionError\nmaximum recursion depth exceeded');
    e.__portalis_clear!();
    expect(e.depth!(500)).toBe(500); // the depth counter unwound with the error

    const second = ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir } }));
    expect(second.cached).toBe(true);
    expect(Buffer.from(second.wasm).equals(Buffer.from(first.wasm))).toBe(true);
    // Another source with the support library already built: only the module is compiled.
    const warm = ok(await buildWasm({ file: 'fib.py', rust: `${fibRust}// another module\n`, spec: fibSpec, options: { cacheDir } }));
    expect(warm.cached).toBe(false);
    // A different opt level is a different entry; the size levels use fat LTO.
    const small = ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir, optLevel: 'z' } }));
    expect(small.cached).toBe(false);
    expect(small.wasm.length).toBeLessThan(first.wasm.length);
    console.log(
      `build timings: cold (rt rlib + module) ${first.millis.toFixed(0)} ms, cached ${second.millis.toFixed(1)} ms, ` +
        `module only ${warm.millis.toFixed(0)} ms, opt-level z + LTO ${small.millis.toFixed(0)} ms; ` +
        `sizes O3 ${first.wasm.length} B, Oz+LTO ${small.wasm.length} B`,
    );
  });

  it('detects corrupt cache entries and rebuilds them', async (ctx) => {
    if (noToolchain) ctx.skip(noToolchain);
    const cacheDir = await tempCache();
    const first = ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir } }));
    const entries = (await listFiles(cacheDir)).filter((f) => f.startsWith('wasm/'));
    expect(entries).toHaveLength(1);
    const entry = path.join(cacheDir, entries[0]!);

    const bytes = await readFile(entry);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff; // flipped bits inside the code
    await writeFile(entry, bytes);
    const afterFlip = ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir } }));
    expect(afterFlip.cached).toBe(false);
    expect(Buffer.from(afterFlip.wasm).equals(Buffer.from(first.wasm))).toBe(true);

    await writeFile(entry, (await readFile(entry)).subarray(0, 20)); // truncated
    const afterTruncate = ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir } }));
    expect(afterTruncate.cached).toBe(false);
    const healed = ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir } }));
    expect(healed.cached).toBe(true);
  });

  it('rebuilds a damaged support library instead of blaming the generated code', async (ctx) => {
    if (noToolchain) ctx.skip(noToolchain);
    const cacheDir = await tempCache();
    ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir } }));
    const [rlib] = (await listFiles(cacheDir)).filter((f) => f.endsWith('.rlib'));
    const rlibPath = path.join(cacheDir, rlib!);
    await writeFile(rlibPath, (await readFile(rlibPath)).subarray(0, 1000));
    const r = ok(await buildWasm({ file: 'fib.py', rust: `${fibRust}// new source\n`, spec: fibSpec, options: { cacheDir } }));
    expect(r.cached).toBe(false);
    expect((await readFile(rlibPath)).length).toBeGreaterThan(1000);
  });

  it('is safe when two processes build the same module into one cache at once', async (ctx) => {
    if (noToolchain) ctx.skip(noToolchain);
    const cacheDir = await tempCache();
    const child = path.join(here, '__fixtures__', 'build-child.ts');
    const runChild = (): Promise<{ ok: boolean; cached?: boolean; sha?: string }> =>
      new Promise((resolve, reject) => {
        const p = spawn(process.execPath, ['--import', 'tsx', child, cacheDir], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
        p.once('error', reject);
        p.once('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`child exited ${code}: ${out}`))));
      });
    const [a, b] = await Promise.all([runChild(), runChild()]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.sha).toBe(b.sha);
    const files = await listFiles(cacheDir);
    expect(files.filter((f) => f.startsWith('wasm/'))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('rt/') && f.endsWith('.rlib'))).toHaveLength(1);
    expect(files.filter((f) => f.includes('tmp'))).toEqual([]);
    const again = ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir } }));
    expect(again.cached).toBe(true);
  });

  it('cancels: rustc is killed and the result is PTL4004', async (ctx) => {
    if (noToolchain) ctx.skip(noToolchain);
    const cacheDir = await tempCache();
    // Warm the support library so the abort lands while rustc compiles the module.
    ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir } }));
    // Many functions make rustc busy for several seconds at opt-level 3.
    const heavy = Array.from({ length: 400 }, (_, i) =>
      `#[inline(never)] pub fn heavy_${i}(x: i64) -> PyResult<i64> { let mut a = x; for k in 0..${i + 3} { a = int_add(int_mul(a, ${i + 7})? % 1000003, k)?; } Ok(a) }`,
    ).join('\n');
    const controller = new AbortController();
    let pid: number | undefined;
    const started = performance.now();
    const pending = buildWasm(
      { file: 'fib.py', rust: `${fibRust}\n${heavy}\n`, spec: fibSpec, options: { cacheDir } },
      {
        signal: controller.signal,
        onRustcSpawn: (p) => {
          pid = p;
          setTimeout(() => controller.abort(), 300);
        },
      },
    );
    const result = await pending;
    expect(pid).toBeTypeOf('number');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics.map((d) => d.code)).toEqual(['PTL4004']);
    expect(performance.now() - started).toBeLessThan(3000);
    // Neither rustc nor anything in its process group (the linker) is left.
    expect(() => process.kill(pid!, 0)).toThrow(/ESRCH/);
    expect(() => process.kill(-pid!, 0)).toThrow(/ESRCH/);
    // Nothing was cached for the cancelled source.
    expect((await listFiles(cacheDir)).filter((f) => f.startsWith('wasm/'))).toHaveLength(1);
  });

  it('an already aborted signal builds nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir: await tempCache() } }, { signal: controller.signal });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('PTL4004');
  });

  it('reports rustc errors as PTL4002 with the location in the generated Rust', async (ctx) => {
    if (noToolchain) ctx.skip(noToolchain);
    const cacheDir = await tempCache();
    const broken = fibRust.replace('Ok(int_mod(n, 2)? == 0)', 'Ok(int_mod(n, 2.5)? == 0)');
    expect(broken).not.toBe(fibRust);
    const line = broken.split('\n').findIndex((l) => l.includes('2.5')) + 1;
    const r = await buildWasm({ file: 'fib.py', rust: broken, spec: fibSpec, options: { cacheDir } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('PTL4002');
    expect(d.stage).toBe('build');
    expect(d.file).toBe('fib.py');
    expect(d.message).toContain(`fib.rs:${line}:`);
    expect(d.message).toMatch(/mismatched types \[E0308\]/);
    expect(d.message).toContain('This is a bug in Portalis');
    const kept = /kept at (\S+\.rs)\./.exec(d.message)?.[1];
    expect(kept).toBeDefined();
    expect(await readFile(kept!, 'utf8')).toBe(broken);
  });

  it('reports a module whose exports do not match the spec as PTL4003', async (ctx) => {
    if (noToolchain) ctx.skip(noToolchain);
    const cacheDir = await tempCache();
    const wrongType: ModuleSpec = {
      ...fibSpec,
      exports: fibSpec.exports.map((e) => (e.name === 'ratio' ? { ...e, wasm: { ...e.wasm, params: ['f64', 'i32'] } } : e)),
    };
    const r = await buildWasm({ file: 'fib.py', rust: fibRust, spec: wrongType, options: { cacheDir } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]!.code).toBe('PTL4003');
    expect(r.diagnostics[0]!.message).toContain('export ratio has type (f64, f64) -> (f64), the spec says (f64, i32) -> (f64)');

    // A cached module is re-validated against the spec it is requested for.
    ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir } }));
    const extra: ModuleSpec = { ...fibSpec, exports: fibSpec.exports.filter((e) => e.name !== 'check') };
    const r2 = await buildWasm({ file: 'fib.py', rust: fibRust, spec: extra, options: { cacheDir } });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.diagnostics[0]!.message).toContain('unexpected function export check');
  });

  it('exhausting the WASM stack traps; memory outside the shadow stack is left intact', async (ctx) => {
    if (noToolchain) ctx.skip(noToolchain);
    const rust = await readFile(path.join(here, '__fixtures__', 'stack.rs'), 'utf8');
    const spec: ModuleSpec = {
      module: 'stack',
      exports: [
        {
          name: 'deep',
          params: [{ name: 'n', type: 'float' }],
          returns: 'float',
          doc: null,
          line: 1,
          wasm: { name: 'deep', params: ['f64'], results: ['f64'] },
          wide: null,
          ts: { number: '', bigint: '' },
        },
      ],
      defaultExport: null,
      abiVersion: 1,
    };
    const built = ok(await buildWasm({ file: 'stack.py', rust, spec, options: { cacheDir: await tempCache() } }));
    const e = await instantiate(built.wasm);
    expect(e.deep!(100)).toBe(106); // 100 frames, plus pad[0] bumped at n = 16, 32, ..., 96
    // rustc lays the shadow stack out first (below 1 MiB), statics and heap after it:
    // an overflow runs below address 0 and traps instead of overwriting data.
    const dataStart = 1 << 20;
    expect(e.__portalis_state_ptr!() as number).toBeGreaterThanOrEqual(dataStart);
    const before = new Uint8Array(e.memory.buffer).slice(dataStart);
    expect(() => e.deep!(1e6)).toThrow(WebAssembly.RuntimeError);
    const after = new Uint8Array(e.memory.buffer).slice(dataStart, dataStart + before.length);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });

  it('keeps the cache key stable: the entry path is derived from the inputs', async (ctx) => {
    if (noToolchain) ctx.skip(noToolchain);
    const cacheDir = await tempCache();
    ok(await buildWasm({ file: 'fib.py', rust: fibRust, spec: fibSpec, options: { cacheDir } }));
    const [entry] = (await listFiles(cacheDir)).filter((f) => f.startsWith('wasm/'));
    const key = path.basename(entry!, '.bin');
    expect(cacheEntryPath(cacheDir, key)).toBe(path.join(cacheDir, entry!));
    // The same source with a comment changed is another module.
    const other = ok(await buildWasm({ file: 'fib.py', rust: `${fibRust}// changed\n`, spec: fibSpec, options: { cacheDir } }));
    expect(other.cached).toBe(false);
  });
});
