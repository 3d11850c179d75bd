/**
 * The package stage end to end: generate the ES module for a hand-written
 * ABI module (__fixtures__/fib.rs + fib-spec.ts), write it to a temp dir,
 * import it in Node and call it, in both WASM modes and both int modes.
 *
 * The generated JS imports the runtime from `runtime/dist/index.js` (built
 * here with `tsc -b runtime`, a no-op when up to date), as the conformance
 * stage and published packages do; one test uses the default bare specifier
 * `@portalis/runtime` through a node_modules link.
 */

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRustFixture, rustcMissing } from '../../../runtime/src/__fixtures__/compile-rust.js';
import { FIB_SPEC, makeExport, MATHY_SPEC } from './__fixtures__/fib-spec.js';
import { packageModule, resolvePackageOptions } from './package.js';
import type { PackageOptions } from './types.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const RUNTIME_DIST = join(REPO, 'runtime/dist/index.js');
const RUNTIME_URL = pathToFileURL(RUNTIME_DIST).href;

type Runtime = typeof import('../../../runtime/src/index.js');
type AnyFunction = (...args: unknown[]) => unknown;
type Module = Record<string, AnyFunction> & { default: unknown };

let wasm: Uint8Array;
let runtime: Runtime;
let dir: string;

async function buildRuntime(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-b', join(REPO, 'runtime')], { cwd: REPO });
}

/** Packages the fixture, writes js/d.ts/wasm under `dir/<sub>/`, imports the JS. */
async function emit(sub: string, spec = FIB_SPEC, options: PackageOptions = {}): Promise<{ module: Module; js: string; dts: string; folder: string }> {
  const result = await packageModule({ spec, wasm, options: { runtimeImport: RUNTIME_URL, ...options } });
  const folder = join(dir, sub);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, `${spec.module}.js`), result.js);
  await writeFile(join(folder, `${spec.module}.d.ts`), result.dts);
  if (result.wasmFileName !== null) {
    await mkdir(dirname(join(folder, result.wasmFileName)), { recursive: true });
    await writeFile(join(folder, result.wasmFileName), wasm);
  }
  const module = (await import(pathToFileURL(join(folder, `${spec.module}.js`)).href)) as Module;
  return { module, js: result.js, dts: result.dts, folder };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portalis-package-'));
  await buildRuntime();
  runtime = (await import(RUNTIME_URL)) as Runtime;
  if (!rustcMissing) wasm = await compileRustFixture(fileURLToPath(new URL('./__fixtures__/fib.rs', import.meta.url)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(rustcMissing)('packageModule: file mode, number ints', () => {
  let fib: Module;
  let result: { js: string; folder: string };

  beforeAll(async () => {
    const emitted = await emit('file-number', FIB_SPEC, { wasm: 'file' });
    fib = emitted.module;
    result = emitted;
  });

  it('loads the .wasm next to the JS and returns what the functions compute', async () => {
    expect(result.js).toContain("new URL('./fib.wasm', import.meta.url)");
    expect(fib.fib!(10)).toBe(55);
    expect(fib.fib!(0)).toBe(0);
    expect(fib.divide!(1, 4)).toBe(0.25);
    expect(fib.scale!(1.5, 4)).toBe(6);
    expect(fib.both!(true, true)).toBe(true);
    expect(fib.both!(true, false)).toBe(false);
    expect(fib.check!(3)).toBeUndefined();
    expect(fib.square!(-(2 ** 26))).toBe(2 ** 52);
  });

  it('loads a WASM file in a subfolder whose name needs URL escaping', async () => {
    const { module, js } = await emit('file-escaped', FIB_SPEC, { wasm: 'file', wasmFileName: 'wasm files/fib ö.wasm' });
    expect(js).toContain("new URL('./wasm files/fib ö.wasm', import.meta.url)");
    expect(module.fib!(11)).toBe(89);
  });

  it('makes the function named like the module the default export', () => {
    expect(fib.default).toBe(fib.fib);
  });

  it('exports a function named like a JS reserved word under its Python name', () => {
    expect(fib.delete!(10, 3)).toBe(7);
    expect(result.js).toContain('export { delete_ as delete };');
  });

  it('throws Python exceptions as the runtime classes, with pythonType and pythonMessage', () => {
    const error = thrown(() => fib.divide!(1, 0)) as InstanceType<Runtime['ZeroDivisionError']>;
    expect(error).toBeInstanceOf(runtime.ZeroDivisionError);
    expect(error).toBeInstanceOf(runtime.ArithmeticError);
    expect(error.pythonType).toBe('ZeroDivisionError');
    expect(error.pythonMessage).toBe('division by zero');
    expect(String(error)).toBe('ZeroDivisionError: division by zero');
    expect(() => fib.check!(-1)).toThrow(runtime.ValueError);
    const overflow = thrown(() => fib.fib!(93)) as InstanceType<Runtime['OverflowError']>;
    expect(overflow).toBeInstanceOf(runtime.OverflowError);
    expect(fib.fib!(20)).toBe(6765);
  });

  it('rejects arguments of the wrong type or range before calling the WASM', () => {
    const notInt = thrown(() => fib.fib!(1.5));
    expect(notInt).toBeInstanceOf(TypeError);
    expect(notInt.message).toBe("fib() argument 'n' must be int, got 1.5");
    expect(thrown(() => fib.fib!('3')).message).toBe(`fib() argument 'n' must be int, got string "3"`);
    expect(thrown(() => fib.fib!()).message).toBe("fib() argument 'n' must be int, got undefined");
    expect(thrown(() => fib.fib!(3n)).message).toBe("fib() argument 'n' must be int, got 3n");
    const unsafe = thrown(() => fib.fib!(2 ** 53));
    expect(unsafe).toBeInstanceOf(RangeError);
    expect(unsafe.message).toContain("fib() argument 'n' must be a safe integer");
    expect(thrown(() => fib.scale!('1', 2)).message).toBe(`scale() argument 'x' must be float (a number), got string "1"`);
    expect(thrown(() => fib.both!(1, true)).message).toBe("both() argument 'a' must be bool (a boolean), got 1");
    expect(thrown(() => fib.delete!(1, 0.5)).message).toBe("delete() argument 'wasm' must be int, got 0.5");
  });

  it('reports an int result beyond 2^53 as a RangeError', () => {
    const error = thrown(() => fib.square!(2 ** 27));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toContain('square() returned 18014398509481984,');
    expect(fib.square!(3)).toBe(9);
  });

  it('turns a trap into PortalisTrap and keeps working', () => {
    const error = thrown(() => fib.crash!());
    expect(error).toBeInstanceOf(runtime.PortalisTrap);
    expect(error.message).toContain('crash() trapped: unreachable');
    expect(fib.fib!(12)).toBe(144);
    expect(() => fib.divide!(1, 0)).toThrow(runtime.ZeroDivisionError);
    expect(fib.divide!(3, 2)).toBe(1.5);
  });
});

describe.skipIf(rustcMissing)('packageModule: inline WASM, bigint ints (as the conformance stage uses it)', () => {
  let mathy: Module;
  let js: string;

  beforeAll(async () => {
    ({ module: mathy, js } = await emit('inline-bigint', MATHY_SPEC, { wasm: 'inline', intMode: 'bigint' }));
  });

  it('needs no file besides the JS', () => {
    expect(js).toContain('decodeBase64(`');
    expect(js).not.toContain('new URL(');
  });

  it('passes and returns ints as bigints through the wide exports', () => {
    expect(mathy.fib!(90n)).toBe(2880067194370816120n);
    expect(mathy.square!(3037000499n)).toBe(9223372030926249001n);
    expect(mathy.delete!(-(2n ** 62n), 2n ** 62n)).toBe(-(2n ** 63n));
    expect(mathy.divide!(7n, 2n)).toBe(3.5);
    expect(mathy.scale!(0.5, 3n)).toBe(1.5);
    expect(mathy.both!(false, false)).toBe(false);
  });

  it('accepts safe-integer numbers for ints and still returns bigints', () => {
    expect(mathy.fib!(10)).toBe(55n);
  });

  it('rejects ints outside i64 and non-ints', () => {
    const big = thrown(() => mathy.fib!(2n ** 63n));
    expect(big).toBeInstanceOf(RangeError);
    expect(big.message).toBe("fib() argument 'n' must fit in a signed 64-bit int, got 9223372036854775808n");
    expect(thrown(() => mathy.fib!(-(2n ** 63n) - 1n))).toBeInstanceOf(RangeError);
    expect(thrown(() => mathy.fib!(2 ** 60))).toBeInstanceOf(RangeError);
    const notInt = thrown(() => mathy.fib!(1.5));
    expect(notInt).toBeInstanceOf(TypeError);
    expect(notInt.message).toBe("fib() argument 'n' must be int (a bigint), got 1.5");
  });

  it('raises Python exceptions from the wide exports', () => {
    const error = thrown(() => mathy.fib!(93n)) as InstanceType<Runtime['OverflowError']>;
    expect(error).toBeInstanceOf(runtime.OverflowError);
    expect(error.pythonMessage).toBe('int too large to convert to 64-bit');
    expect(() => mathy.square!(2n ** 32n)).toThrow(runtime.OverflowError);
    expect(() => mathy.check!(-1n)).toThrow(runtime.ValueError);
    expect(() => mathy.crash!()).toThrow(runtime.PortalisTrap);
    expect(mathy.fib!(1n)).toBe(1n);
  });

  it('default-exports a frozen namespace when no function is named like the module', () => {
    const namespace = mathy.default as Record<string, unknown>;
    expect(Object.isFrozen(namespace)).toBe(true);
    expect(Object.keys(namespace)).toEqual(['fib', 'divide', 'scale', 'both', 'check', 'delete', 'crash', 'square']);
    expect(namespace.fib).toBe(mathy.fib);
    expect(namespace.delete).toBe(mathy.delete);
  });
});

describe.skipIf(rustcMissing)('packageModule: the default runtime import', () => {
  it("imports '@portalis/runtime' by its package name", async () => {
    const folder = join(dir, 'bare');
    await mkdir(join(folder, 'node_modules/@portalis'), { recursive: true });
    await symlink(join(REPO, 'runtime'), join(folder, 'node_modules/@portalis/runtime'), 'dir');
    const result = await packageModule({ spec: FIB_SPEC, wasm });
    expect(result.js).toContain("from '@portalis/runtime';");
    expect(result.wasmFileName).toBeNull();
    await writeFile(join(folder, 'fib.js'), result.js);
    const module = (await import(pathToFileURL(join(folder, 'fib.js')).href)) as Module;
    expect(module.fib!(30)).toBe(832040);
  });
});

describe.skipIf(rustcMissing)('packageModule: WASM export names from the spec', () => {
  it('calls the export the spec names, which need not be the Python name', async () => {
    // e.g. a spec stage that prefixes WASM exports so they cannot collide with libm symbols.
    const fibonacci = { ...FIB_SPEC.exports[0]!, name: 'fibonacci' };
    const spec = { ...FIB_SPEC, module: 'renamed', exports: [fibonacci], defaultExport: null };
    const { module, js } = await emit('renamed', spec, { intMode: 'bigint' });
    expect(js).toContain('wasm.exports.fib__wide(n)');
    expect(module.fibonacci!(10n)).toBe(55n);
    const { module: numberModule } = await emit('renamed-number', spec);
    expect(numberModule.fibonacci!(10)).toBe(55);
  });
});

describe('packageModule: refusals (Portalis bugs and bad options)', () => {
  it('fills defaults and rejects options it cannot honour', () => {
    expect(resolvePackageOptions(FIB_SPEC)).toEqual({
      wasm: 'inline',
      intMode: 'number',
      runtimeImport: '@portalis/runtime',
      wasmFileName: 'fib.wasm',
    });
    expect(() => resolvePackageOptions(FIB_SPEC, { wasm: 'embed' as 'inline' })).toThrow(/options.wasm must be/);
    expect(() => resolvePackageOptions(FIB_SPEC, { intMode: 'i64' as 'bigint' })).toThrow(/options.intMode must be/);
    expect(() => resolvePackageOptions(FIB_SPEC, { wasmFileName: '../fib.wasm' })).toThrow(/wasmFileName/);
    expect(() => resolvePackageOptions(FIB_SPEC, { wasmFileName: "it's.wasm" })).toThrow(/wasmFileName/);
    expect(() => resolvePackageOptions(FIB_SPEC, { wasmFileName: '/abs/fib.wasm' })).toThrow(/wasmFileName/);
    expect(() => resolvePackageOptions(FIB_SPEC, { wasmFileName: 'a\\b.wasm' })).toThrow(/wasmFileName/);
    expect(resolvePackageOptions(FIB_SPEC, { wasmFileName: 'assets/fib-1a2b.wasm' }).wasmFileName).toBe('assets/fib-1a2b.wasm');
    expect(resolvePackageOptions(FIB_SPEC, { wasmFileName: 'my größe.wasm' }).wasmFileName).toBe('my größe.wasm');
    expect(resolvePackageOptions({ ...FIB_SPEC, module: "it's" }).wasmFileName).toBe('it_s.wasm');
  });

  it.skipIf(rustcMissing)('refuses WASM that lacks an export the spec names', async () => {
    const spec = { ...FIB_SPEC, exports: [...FIB_SPEC.exports, makeExport('missing', [['n', 'int']], 'int')] };
    await expect(packageModule({ spec, wasm })).rejects.toThrow('lacks exports its spec names: missing, missing__wide');
  });

  it.skipIf(rustcMissing)("refuses a function named 'default'", async () => {
    const spec = { ...FIB_SPEC, exports: [makeExport('default', [], 'None')], defaultExport: null };
    await expect(packageModule({ spec, wasm })).rejects.toThrow(/named 'default'/);
  });
});

describe.skipIf(rustcMissing)('the generated code', () => {
  it('matches the reviewed snapshot (number mode, file WASM)', async () => {
    const { js, dts } = await packageModule({ spec: FIB_SPEC, wasm, options: { wasm: 'file' } });
    await expect(js).toMatchFileSnapshot('./__snapshots__/fib.number.js');
    await expect(dts).toMatchFileSnapshot('./__snapshots__/fib.number.d.ts');
  });

  it('matches the reviewed snapshot (bigint mode)', async () => {
    const { js, dts } = await packageModule({ spec: MATHY_SPEC, wasm, options: { wasm: 'file', intMode: 'bigint' } });
    await expect(js).toMatchFileSnapshot('./__snapshots__/mathy.bigint.js');
    await expect(dts).toMatchFileSnapshot('./__snapshots__/mathy.bigint.d.ts');
  });

  it('is the same for the same input', async () => {
    const first = await packageModule({ spec: FIB_SPEC, wasm });
    const second = await packageModule({ spec: FIB_SPEC, wasm });
    expect(second).toEqual(first);
  });

  it('inlines the exact bytes', async () => {
    const { js } = await packageModule({ spec: FIB_SPEC, wasm });
    const base64 = js.slice(js.indexOf('decodeBase64(`') + 'decodeBase64(`'.length, js.lastIndexOf('`);'));
    expect(runtime.decodeBase64(base64)).toEqual(new Uint8Array(wasm));
    expect(js).toContain(`base64-encoded (${wasm.length} bytes)`);
  });
});
