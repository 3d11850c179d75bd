/**
 * Values in linear memory through real WASM for the types the compiler does
 * not translate yet: a hand-written module (__fixtures__/wire_hand.rs, the
 * wrappers the transpiler prints, over portalis_rt's wire.rs) built by the
 * real build stage, packaged with the real glue, and called from JS.
 * Expected values are CPython's for the Python in the fixture's header.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWasm } from '../build/build.js';
import { exportSpec } from '../spec/spec.js';
import type { ModuleSpec } from '../spec/types.js';
import { packageModule } from './package.js';
import { rustcMissing } from '../../../runtime/src/__fixtures__/compile-rust.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const RUNTIME_URL = pathToFileURL(join(REPO, 'runtime/dist/index.js')).href;

const fn = (name: string, params: [string, string][], returns: string) =>
  exportSpec({ name, doc: null, line: 1, params: params.map(([n, type]) => ({ name: n, type })), returns });

const SPEC: ModuleSpec = {
  module: 'wire_hand',
  exports: [
    fn('maybe_inc', [['x', 'Optional[int]']], 'Optional[int]'),
    fn('first_some', [['xs', 'list[Optional[str]]']], 'Optional[str]'),
    fn('nones', [['n', 'int']], 'list[None]'),
    fn('unit', [['t', 'tuple[()]']], 'tuple[()]'),
    fn('lookup', [['d', 'dict[str, Optional[tuple[bool, float]]]'], ['k', 'str']], 'Optional[tuple[bool, float]]'),
    fn('fail', [['x', 'Optional[str]']], 'int'),
  ],
  defaultExport: null,
  abiVersion: 2,
};

type Fn = (...args: unknown[]) => unknown;
let dir: string;
let m: Record<string, Fn>;

beforeAll(async () => {
  if (rustcMissing) return;
  dir = await mkdtemp(join(tmpdir(), 'portalis-wire-hand-'));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-b', join(REPO, 'runtime')], { cwd: REPO });
  const rust = await readFile(fileURLToPath(new URL('./__fixtures__/wire_hand.rs', import.meta.url)), 'utf8');
  const built = await buildWasm({ file: 'wire_hand.py', rust, spec: SPEC, options: {} });
  if (!built.ok) throw new Error(built.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  const { js } = await packageModule({ spec: SPEC, wasm: built.wasm, options: { runtimeImport: RUNTIME_URL } });
  await writeFile(join(dir, 'wire_hand.js'), js);
  m = (await import(pathToFileURL(join(dir, 'wire_hand.js')).href)) as Record<string, Fn>;
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(rustcMissing)('values in linear memory: Optional, None and tuple[()] through WASM', () => {
  it('Optional arguments and results', () => {
    expect(m.maybe_inc!(null)).toBeNull();
    expect(m.maybe_inc!(undefined)).toBeNull();
    expect(m.maybe_inc!(41)).toBe(42);
    expect(m.maybe_inc!(-(2 ** 40))).toBe(-(2 ** 40) + 1);
    expect(m.first_some!([null, null, 'é☃', 'x'])).toBe('é☃');
    expect(m.first_some!([null])).toBeNull();
    expect(m.first_some!([])).toBeNull();
  });

  it('None in a list, the empty tuple, Optional tuples in a dict', () => {
    expect(m.nones!(3)).toEqual([null, null, null]);
    expect(m.unit!([])).toEqual([]);
    const d = new Map<string, [boolean, number] | null>([
      ['a', null],
      ['b', [true, -0.5]],
    ]);
    expect(m.lookup!(d, 'b')).toEqual([true, -0.5]);
    expect(m.lookup!(d, 'a')).toBeNull();
    expect(m.lookup!(d, 'zz')).toBeNull();
  });

  it('raises the Python exception with its UTF-8 message; an unsafe int result is a RangeError in number mode', () => {
    expect(() => m.fail!(null)).toThrow(expect.objectContaining({ pythonType: 'ValueError', pythonMessage: 'no value: ∅' }));
    expect(m.fail!('é')).toBe(2);
    expect(() => m.maybe_inc!(2 ** 53 - 1)).toThrow(/maybe_inc\(\) returned an int, 9007199254740992, that is not a safe integer/);
  });

  it('checks Optional and tuple shapes on the JS side', () => {
    expect(() => m.maybe_inc!('1')).toThrow(new TypeError("maybe_inc() argument 'x' must be int, got string \"1\""));
    expect(() => m.unit!([1])).toThrow(new TypeError("unit() argument 't' must be tuple[()] (an array of 0), got an array"));
    expect(() => m.lookup!(new Map([['a', [true]]]), 'a')).toThrow(
      new TypeError("lookup() argument 'd' item <value 0> must be tuple[bool, float] (an array of 2), got an array"),
    );
  });
});
