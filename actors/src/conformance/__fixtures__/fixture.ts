/**
 * Test helpers: a ModuleSpec for a fixture .py written by hand (as the spec
 * stage would produce it, docs/abi.md), and its hand-written Rust translation
 * compiled to WASM with the system rustc that has the wasm32 target.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { ExportSpec, ModuleSpec, PyReturn, PyScalar, WasmValType } from '../../spec/types.js';

const run = promisify(execFile);

/** The rustc with the wasm32-unknown-unknown target (see /tmp/preamble: the PATH one has none). */
export const WASM_RUSTC = process.env.PORTALIS_RUSTC ?? '/usr/bin/rustc';
export const haveWasmRustc = existsSync(WASM_RUSTC);

export const fixturePath = (name: string): string => new URL(`./${name}`, import.meta.url).pathname;

export async function compileFixture(rsFile: string, cfg: readonly string[] = []): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'portalis-conformance-fixture-'));
  try {
    const out = join(dir, 'm.wasm');
    await run(WASM_RUSTC, [
      '--edition', '2021', '--crate-type', 'cdylib', '--target', 'wasm32-unknown-unknown',
      '-O', '-C', 'panic=abort', '-C', 'strip=symbols',
      ...cfg.flatMap((c) => ['--cfg', c]),
      fixturePath(rsFile), '-o', out,
    ]);
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type Signature = readonly [name: string, params: readonly (readonly [string, PyScalar])[], returns: PyReturn];

/** The spec of a module, with each function's line found in its source. */
export function specFor(file: string, source: string, signatures: readonly Signature[]): ModuleSpec {
  const lines = source.split('\n');
  const fast = (t: PyScalar | PyReturn): WasmValType[] => (t === 'None' ? [] : t === 'bool' ? ['i32'] : ['f64']);
  const wide = (t: PyScalar | PyReturn): WasmValType[] => (t === 'None' ? [] : t === 'bool' ? ['i32'] : t === 'int' ? ['i64'] : ['f64']);
  const tsType = (t: PyScalar | PyReturn, intTs: string) => (t === 'None' ? 'void' : t === 'bool' ? 'boolean' : t === 'int' ? intTs : 'number');
  const exports: ExportSpec[] = signatures.map(([name, params, returns]) => {
    const line = lines.findIndex((l) => l.startsWith(`def ${name}(`)) + 1;
    if (line === 0) throw new Error(`no def ${name} in ${file}`);
    const hasInt = returns === 'int' || params.some(([, t]) => t === 'int');
    const ts = (intTs: string) => `(${params.map(([p, t]) => `${p}: ${tsType(t, intTs)}`).join(', ')}) => ${tsType(returns, intTs)}`;
    return {
      name,
      params: params.map(([p, t]) => ({ name: p, type: t })),
      returns,
      doc: null,
      line,
      wasm: { name, params: params.flatMap(([, t]) => fast(t)), results: fast(returns) },
      wide: hasInt ? { name: `${name}__wide`, params: params.flatMap(([, t]) => wide(t)), results: wide(returns) } : null,
      ts: { number: ts('number'), bigint: ts('bigint') },
    };
  });
  const module = basename(file, '.py');
  return { module, exports, defaultExport: exports.some((e) => e.name === module) ? module : null, abiVersion: 1 };
}

export const ARITH_SIGNATURES: readonly Signature[] = [
  ['mod', [['a', 'int'], ['b', 'int']], 'int'],
  ['floordiv', [['a', 'int'], ['b', 'int']], 'int'],
  ['scale', [['x', 'float'], ['k', 'int']], 'float'],
  ['is_even', [['n', 'int']], 'bool'],
  ['root', [['x', 'float']], 'float'],
  ['steps', [['n', 'int']], 'int'],
  ['countdown', [['n', 'int']], 'int'],
  ['fact', [['n', 'int']], 'int'],
  ['pick', [['flag', 'bool'], ['x', 'float']], 'float'],
  ['fib', [['n', 'int']], 'int'],
  ['guard', [['n', 'int']], 'None'],
  ['clamp', [['x', 'float']], 'float'],
];
