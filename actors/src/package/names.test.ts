/**
 * Names and comments in generated code: reserved words and collisions with
 * the glue's own names are renamed locally but exported under the Python
 * name; docstrings become safe JSDoc. The end-to-end half runs a module
 * whose every name collides (__fixtures__/names.rs) in Node, file mode, so a
 * function named `URL` would break `new URL(...)` if it were not renamed.
 */

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRustFixture, rustcMissing } from '../../../runtime/src/__fixtures__/compile-rust.js';
import type { ModuleSpec } from '../spec/types.js';
import { makeExport } from './__fixtures__/fib-spec.js';
import { cleanDocstring, jsdocBlock } from './jsdoc.js';
import { bindingName, isIdentifierName, jsString, oneLine } from './names.js';
import { packageModule } from './package.js';
import { planNames } from './plan.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

const NAMES_SPEC: ModuleSpec = {
  module: 'names',
  exports: [
    makeExport('URL', [['result', 'int'], ['error', 'int']], 'int'),
    makeExport('Number', [['this', 'float'], ['arguments', 'float']], 'float'),
    makeExport('wasm', [['I64_MIN', 'int'], ['fib', 'int']], 'int'),
    makeExport('new', [['new_', 'int'], ['new', 'int']], 'int'),
    makeExport('instantiate', [['x', 'bool']], 'bool'),
  ],
  defaultExport: null,
  abiVersion: 1,
};

describe('planNames', () => {
  it('keeps ordinary names and renames reserved or glue-owned ones with a trailing _', () => {
    const names = planNames(NAMES_SPEC);
    expect(Object.fromEntries(names.functions)).toEqual({
      URL: 'URL_',
      Number: 'Number_',
      wasm: 'wasm_',
      new: 'new_',
      instantiate: 'instantiate_',
    });
    expect(Object.fromEntries(names.params.get('URL')!)).toEqual({ result: 'result_', error: 'error_' });
    expect(Object.fromEntries(names.params.get('Number')!)).toEqual({ this: 'this_', arguments: 'arguments_' });
    expect(Object.fromEntries(names.params.get('wasm')!)).toEqual({ I64_MIN: 'I64_MIN_', fib: 'fib' });
    expect(Object.fromEntries(names.params.get('new')!)).toEqual({ new_: 'new_', new: 'new__' });
  });

  it('refuses names JS cannot spell', () => {
    expect(() => planNames({ ...NAMES_SPEC, exports: [makeExport('a-b', [], 'None')] })).toThrow(/not a JavaScript identifier/);
  });
});

describe('name helpers', () => {
  it('bindingName avoids reserved words and taken names', () => {
    const taken = new Set(['delete_']);
    expect(bindingName('delete', taken)).toBe('delete__');
    expect(bindingName('fib', taken)).toBe('fib');
    expect(taken.has('fib')).toBe(true);
    expect(bindingName('fib', taken)).toBe('fib_');
  });

  it('isIdentifierName follows Unicode identifiers like Python', () => {
    expect(isIdentifierName('größe')).toBe(true);
    expect(isIdentifierName('_x1')).toBe(true);
    expect(isIdentifierName('1x')).toBe(false);
  });

  it('jsString escapes quotes, backslashes and line terminators', () => {
    const text = "it's \\ a\nb\u2028";
    expect(jsString(text)).toBe("'it\\u0027s \\u005c a\\u000ab\\u2028'");
    expect(eval(jsString(text))).toBe(text);
    expect(oneLine('a\nb\r\nc')).toBe('a b  c');
  });
});

describe('docstrings as JSDoc', () => {
  it('cleans like inspect.cleandoc', () => {
    expect(cleanDocstring('\n    Summary.\n\n    Details\n      indented.\n    ')).toBe('Summary.\n\nDetails\n  indented.');
    expect(cleanDocstring('One line.')).toBe('One line.');
    expect(cleanDocstring('First.\n\tTabbed.')).toBe('First.\nTabbed.');
  });

  it('cannot be closed or tagged by the docstring text', () => {
    const block = jsdocBlock('Ends */ early.\n@param fake', ['@returns x']);
    expect(block).toBe('/**\n * Ends *\\/ early.\n * \\@param fake\n *\n * @returns x\n */\n');
    expect(jsdocBlock(null, [])).toBe('');
  });
});

describe.skipIf(rustcMissing)('a module whose names collide, run in Node', () => {
  let dir: string;
  let wasm: Uint8Array;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portalis-names-'));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    await promisify(execFile)(process.execPath, [tsc, '-b', join(REPO, 'runtime')], { cwd: REPO });
    wasm = await compileRustFixture(fileURLToPath(new URL('./__fixtures__/names.rs', import.meta.url)));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const intMode of ['number', 'bigint'] as const) {
    it(`works in ${intMode} mode with file WASM`, async () => {
      const runtimeImport = pathToFileURL(join(REPO, 'runtime/dist/index.js')).href;
      const result = await packageModule({ spec: NAMES_SPEC, wasm, options: { wasm: 'file', intMode, runtimeImport } });
      const folder = join(dir, intMode);
      await mkdir(folder);
      await writeFile(join(folder, 'names.js'), result.js);
      await writeFile(join(folder, result.wasmFileName!), wasm);
      const m = (await import(pathToFileURL(join(folder, 'names.js')).href)) as Record<string, (...args: unknown[]) => unknown>;
      const int = intMode === 'bigint' ? (n: number) => BigInt(n) : (n: number) => n;
      expect(m.URL!(int(7), int(2))).toBe(int(5));
      expect(m.Number!(2.5, 1)).toBe(1.5);
      expect(m.wasm!(int(10), int(1))).toBe(int(9));
      expect(m.new!(int(3), int(5))).toBe(int(-2));
      expect(m.instantiate!(false)).toBe(true);
      expect(() => m.URL!(int(1), 'x')).toThrow("URL() argument 'error' must be int");
      expect(Object.keys(m.default as object)).toEqual(['URL', 'Number', 'wasm', 'new', 'instantiate']);
    });
  }
});
