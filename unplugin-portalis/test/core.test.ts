/**
 * The plugin core without a bundler: options, diagnostics mapping, the asset
 * rewrite, the `.d.ts` writer, and the compile context on the real compiler
 * pool (generated JS that runs, diagnostics with location and frame,
 * cancellation of a superseded compile, the pool's lifecycle).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnostic } from '@portalis/actors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalisContext } from '../src/core/context.js';
import { errorMessage, failedModule, warningMessage } from '../src/core/diagnostics.js';
import { DtsWriter } from '../src/core/dts.js';
import { checkWasmMode, pointAtAsset, targetFor } from '../src/core/emit.js';
import { PY_EXCLUDE, PY_INCLUDE } from '../src/core/filter.js';
import { resolveOptions } from '../src/core/options.js';
import PortalisRollup from '../src/rollup.js';
import { FIXTURES, runInNode, thrownBy } from './utils.js';

const FIB_PY = join(FIXTURES, 'math', 'fib.py');
const BAD_PY = join(FIXTURES, 'bad', 'bad.py');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'portalis-core-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('resolveOptions', () => {
  it('fills every default and resolves the runtime to an absolute path that exists', () => {
    const o = resolveOptions();
    expect(o).toMatchObject({ include: PY_INCLUDE, exclude: PY_EXCLUDE, intMode: 'number', wasm: 'auto', optLevel: '3', dts: true });
    expect(o.maxThreads).toBeUndefined();
    expect(o.runtimeImport.startsWith('/')).toBe(true);
    expect(existsSync(o.runtimeImport)).toBe(true);
  });

  it.each([
    [{ intMode: 'long' }, "`intMode` must be one of 'number', 'bigint', got \"long\""],
    [{ wasm: 'file' }, "`wasm` must be one of 'auto', 'inline', 'asset', got \"file\""],
    [{ optLevel: 3 }, '`optLevel` must be a string'],
    [{ maxThreads: 0 }, '`maxThreads` must be a positive integer'],
    [{ dts: 'yes' }, '`dts` must be true or false'],
    [{ include: [42] }, '`include` must be a string glob, a RegExp or an array of them'],
    [{ wasmMode: 'inline' }, 'unknown option `wasmMode`'],
    [{ runtimeImport: '' }, '`runtimeImport` must be a non-empty module specifier'],
  ])('rejects %j', (bad, message) => {
    expect(() => resolveOptions(bad as never)).toThrow(`[unplugin-portalis] ${message}`);
  });

  it("refuses wasm: 'asset' for bundlers that cannot emit a referenced asset", () => {
    expect(() => checkWasmMode('asset', 'webpack')).toThrow("[unplugin-portalis] `wasm: 'asset'` needs Vite or Rollup");
    expect(() => checkWasmMode('asset', 'rollup')).not.toThrow();
    expect(targetFor('auto', 'rollup')).toBe('file');
    expect(targetFor('auto', 'vite', 'app')).toBe('file');
    expect(targetFor('auto', 'vite', 'lib-or-ssr')).toBe('inline');
    expect(targetFor('asset', 'vite', 'lib-or-ssr')).toBe('file');
    expect(targetFor('auto', 'vite', 'serve')).toBe('inline');
    expect(targetFor('asset', 'vite', 'serve')).toBe('inline');
    expect(targetFor('auto', 'esbuild')).toBe('inline');
    expect(targetFor('inline', 'rollup')).toBe('inline');
  });
});

describe('diagnostics mapping', () => {
  const source = 'def f(n: int) -> int:\n    return n +* 2\n';
  const d = diagnostic({
    code: 'PTL1001',
    file: '/src/f.py',
    stage: 'ingest',
    message: 'invalid syntax',
    range: { start: { line: 2, column: 16, offset: 37 }, end: { line: 2, column: 17, offset: 38 } },
  });

  it('gives Rollup-family bundlers code, 0-based loc, a frame, the plugin name and the raw diagnostics', () => {
    const m = errorMessage([d], source, '/src/f.py', 'rollup');
    expect(m).toMatchObject({
      code: 'PTL1001',
      pluginCode: 'PTL1001',
      plugin: 'unplugin-portalis',
      id: '/src/f.py',
      loc: { file: '/src/f.py', line: 2, column: 15 },
      meta: { diagnostics: [d] },
    });
    expect(m.message).toBe(`PTL1001: invalid syntax\nhint: ${d.hint}`);
    expect(m.frame).toBe(['  1 | def f(n: int) -> int:', '> 2 |     return n +* 2', '    |                ^'].join('\n'));
  });

  it('puts the whole report, with 1-based position and frame, in the text for webpack and esbuild', () => {
    const m = errorMessage([d], source, '/src/f.py', 'text');
    expect(m.message.split('\n')[0]).toBe('/src/f.py:2:16: error PTL1001: invalid syntax');
    expect(m.message).toContain('> 2 |     return n +* 2');
    expect(m.message).toContain(`hint: ${d.hint}`);
  });

  it('lists further errors after the first and caps the list', () => {
    const more = Array.from({ length: 10 }, (_, i) =>
      diagnostic({ code: 'PTL3004', file: '/src/f.py', stage: 'analysis', message: `undefined name 'x${i}'` }),
    );
    const m = errorMessage([d, ...more], source, '/src/f.py', 'rollup');
    expect(m.code).toBe('PTL1001');
    expect(m.message).toContain("/src/f.py: error PTL3004: undefined name 'x0'");
    expect(m.message).toContain("undefined name 'x7'");
    expect(m.message).not.toContain("undefined name 'x8'");
    expect(m.message).toContain('... and 2 more errors');
    expect(m.meta.diagnostics).toHaveLength(11);
  });

  it('maps a warning without a range to a message without loc', () => {
    const w = diagnostic({ code: 'PTL5003', file: '/src/f.py', stage: 'test', severity: 'warning' });
    const m = warningMessage(w, source, '/src/f.py', 'rollup');
    expect(m.loc).toBeUndefined();
    expect(m.frame).toBe('');
    expect(m.code).toBe('PTL5003');
  });

  it('returns a failed module that is valid JS and throws the report if it is ever run', async () => {
    const file = join(tmp, 'failed.mjs');
    await writeFile(file, failedModule([d], '/src/f.py'));
    const error = await runInNode(file, 'return null;').catch((e: Error) => e.message);
    expect(error).toContain('Error: [unplugin-portalis] /src/f.py:2:16: PTL1001: invalid syntax');
  });
});

describe('pointAtAsset', () => {
  it('rewrites the one reference to the wasm file to the emitted asset', () => {
    const js = `const wasm = new URL('./fib.wasm', import.meta.url);\n`;
    expect(pointAtAsset(js, 'fib.wasm', 'abc123')).toBe('const wasm = new URL(import.meta.ROLLUP_FILE_URL_abc123, import.meta.url);\n');
    expect(pointAtAsset(`new URL("./fib.wasm", import.meta.url)`, 'fib.wasm', 'r')).toBe('new URL(import.meta.ROLLUP_FILE_URL_r, import.meta.url)');
  });

  it('refuses JS that does not reference the file exactly once', () => {
    expect(pointAtAsset(`new URL('./other.wasm', import.meta.url)`, 'fib.wasm', 'r')).toBeNull();
    expect(pointAtAsset(`new URL('./fib.wasm', import.meta.url); new URL('./fib.wasm', import.meta.url)`, 'fib.wasm', 'r')).toBeNull();
    expect(pointAtAsset(`new URL('./fibXwasm', import.meta.url)`, 'fib.wasm', 'r')).toBeNull();
  });
});

describe('DtsWriter', () => {
  it('writes changed content once per flush and leaves an unchanged file alone', async () => {
    const errors: string[] = [];
    const writer = new DtsWriter((path, e) => errors.push(`${path}: ${e.message}`), 10_000);
    const path = join(tmp, 'm.py.d.ts');
    writer.schedule(path, 'export declare function a(): number;\n');
    writer.schedule(path, 'export declare function b(): number;\n');
    expect(existsSync(path)).toBe(false); // throttled: nothing before the flush
    await writer.flush();
    expect(await readFile(path, 'utf8')).toBe('export declare function b(): number;\n');
    const before = (await stat(path)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    writer.schedule(path, 'export declare function b(): number;\n');
    await writer.flush();
    expect((await stat(path)).mtimeMs).toBe(before);
    writer.schedule(join(tmp, 'missing-dir', 'x.py.d.ts'), 'x');
    await writer.flush();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('missing-dir');
  });

  it('does not rewrite a file that already holds the content (first run after a checkout)', async () => {
    const path = join(tmp, 'same.py.d.ts');
    await writeFile(path, 'same\n');
    const before = (await stat(path)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const writer = new DtsWriter(() => {});
    writer.schedule(path, 'same\n');
    await writer.flush();
    expect((await stat(path)).mtimeMs).toBe(before);
  });
});

describe('PortalisContext on the real compiler', () => {
  let ctx: PortalisContext;
  beforeAll(() => {
    ctx = new PortalisContext(resolveOptions({ dts: false }));
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('creates the pool on the first compile and produces an ES module that computes fib', async () => {
    expect(ctx.poolOpen).toBe(false);
    const source = await readFile(FIB_PY, 'utf8');
    const outcome = await ctx.compile(FIB_PY, source, 'inline');
    expect(ctx.poolOpen).toBe(true);
    if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('\n'));
    expect(outcome.js).toContain(ctx.options.runtimeImport);
    expect(outcome.wasmFileName).toBeNull();
    expect(outcome.dts).toMatch(/fib\(n: number\): number/);
    const file = join(tmp, 'fib.mjs');
    await writeFile(file, outcome.js);
    const values = await runInNode(file, `return [m.fib(20), ${thrownBy('m.div(1, 0)')}];`);
    expect(values).toEqual([6765, { name: 'ZeroDivisionError', message: 'integer division or modulo by zero' }]);

    const again = await ctx.compile(FIB_PY, source, 'inline');
    expect(again.ok && again.fromMemory).toBe(true);
  });

  it('reports a syntax error as a diagnostic with range, and the mapping gives loc and frame', async () => {
    const source = await readFile(BAD_PY, 'utf8');
    const outcome = await ctx.compile(BAD_PY, source, 'inline');
    expect(outcome.ok).toBe(false);
    const first = outcome.diagnostics.find((d) => d.severity === 'error');
    // python3: SyntaxError at line 6, offset 15 (1-based) for `return n +* 2`.
    expect(first).toMatchObject({ code: 'PTL1001', file: BAD_PY, range: { start: { line: 6, column: 15 } } });
    const m = errorMessage(outcome.diagnostics, source, BAD_PY, 'rollup');
    expect(m.loc).toEqual({ file: BAD_PY, line: 6, column: 14 });
    expect(m.frame).toContain('> 6 |     return n +* 2');
  });

  it('reports a construct outside the subset (analysis stage) with its range', async () => {
    const file = join(tmp, 'shapes.py');
    const source = 'def ok(n: int) -> int:\n    return n\n\n\nclass Point:\n    pass\n';
    const outcome = await ctx.compile(file, source, 'inline');
    expect(outcome.ok).toBe(false);
    const m = errorMessage(outcome.diagnostics, source, file, 'text');
    expect(m.code).toBe('PTL2003');
    expect(m.loc).toEqual({ file, line: 5, column: 0 });
    expect(m.message.split('\n')[0]).toBe(`${file}:5:1: error PTL2003: class definitions are not supported`);
    expect(m.message).toContain('> 5 | class Point:');
  });

  it('answers a superseded compile with the newer one and keeps the pool usable', async () => {
    const file = join(tmp, 'sq.py');
    const v1 = 'def sq(n: int) -> int:\n    return n * n\n';
    const v2 = 'def sq(n: int) -> int:\n    return n * n + 1\n';
    const first = ctx.compile(file, v1, 'inline');
    const second = ctx.compile(file, v2, 'inline');
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(b.ok && b.source).toBe(v2);
  });

  it('closes the pool and opens a new one for a later compile', async () => {
    await ctx.close();
    expect(ctx.poolOpen).toBe(false);
    const outcome = await ctx.compile(join(tmp, 'one.py'), 'def one() -> int:\n    return 1\n', 'inline');
    expect(outcome.ok).toBe(true);
    expect(ctx.poolOpen).toBe(true);
  });
});

describe('hook filter', () => {
  // Without `meta.rollupVersion` unplugin applies the filter in JS, exactly as
  // for webpack, Rspack and esbuild; the handler is never reached for other ids.
  const loadOf = (options = {}) => {
    const plugin = PortalisRollup(options) as unknown as { load: { handler: (this: unknown, id: string) => Promise<unknown> } };
    const seen: string[] = [];
    const fakeThis = {
      error(m: { message: string }) {
        throw new Error(m.message);
      },
      warn() {},
    };
    return { seen, load: (id: string) => plugin.load.handler.call(fakeThis, id) };
  };

  it('leaves non-Python and node_modules ids alone', async () => {
    const { load } = loadOf();
    expect(await load('/app/src/main.ts')).toBeUndefined();
    expect(await load('/app/node_modules/pkg/x.py')).toBeUndefined();
    expect(await load('/app/src/fib.py?raw')).toBeUndefined();
  });

  it('honours a user exclude over the default include', async () => {
    const { load } = loadOf({ exclude: [/legacy\//] });
    expect(await load('/app/legacy/x.py')).toBeUndefined();
    // A matching id reaches the handler: a missing file is reported as PTL1003.
    await expect(load('/app/src/definitely-missing.py')).rejects.toThrow('PTL1003');
  });
});
