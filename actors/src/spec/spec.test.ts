/**
 * The spec stage on analysed modules: WASM signatures of docs/abi.md for
 * both int modes, TypeScript signatures, the default export, and refused
 * export names (PTL3010).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analysis.js';
import { ingest } from '../ingest/ingest.js';
import type { AnalysisResult } from '../analysis/types.js';
import { exportSpec, specify, specifySync } from './spec.js';
import { SUPPORT_EXPORTS } from './types.js';

async function specOf(source: string, file = 'geo.py') {
  const analysis = await analyze(await ingest({ file, source }));
  expect(analysis.diagnostics).toEqual([]);
  return specify(analysis);
}

describe('specify', () => {
  it('gives each exported function its fast and wide WASM signatures and TS signatures', async () => {
    const { spec, diagnostics } = await specOf(`
def _helper(x: float) -> float:
    return x

def scale(n: int, x: float, flip: bool) -> float:
    """Scales."""
    return n * x if flip else x

def count(n: int) -> int:
    return n

def ratio(x: float, y: float) -> float:
    return _helper(x) / y

def positive(x: float) -> bool:
    return x > 0

def touch(n: int) -> None:
    pass
`);
    expect(diagnostics).toEqual([]);
    expect(spec).toMatchObject({ module: 'geo', defaultExport: null, abiVersion: 1 });
    expect(spec.exports.map((e) => e.name)).toEqual(['scale', 'count', 'ratio', 'positive', 'touch']);
    const [scale, count, ratio, positive, touch] = spec.exports;
    expect(scale).toEqual({
      name: 'scale',
      params: [
        { name: 'n', type: 'int' },
        { name: 'x', type: 'float' },
        { name: 'flip', type: 'bool' },
      ],
      returns: 'float',
      boundary: 'scalar',
      doc: 'Scales.',
      line: 5,
      wasm: { name: 'scale', params: ['f64', 'f64', 'i32'], results: ['f64'] },
      wide: { name: 'scale__wide', params: ['i64', 'f64', 'i32'], results: ['f64'] },
      ts: { number: 'scale(n: number, x: number, flip: boolean): number', bigint: 'scale(n: bigint, x: number, flip: boolean): number' },
    });
    expect(count!.wasm).toEqual({ name: 'count', params: ['f64'], results: ['f64'] });
    expect(count!.wide).toEqual({ name: 'count__wide', params: ['i64'], results: ['i64'] });
    expect(count!.ts).toEqual({ number: 'count(n: number): number', bigint: 'count(n: bigint): bigint' });
    expect(ratio!.wide).toBeNull();
    expect(ratio!.ts.bigint).toBe('ratio(x: number, y: number): number');
    expect(positive!.wasm).toEqual({ name: 'positive', params: ['f64'], results: ['i32'] });
    expect(positive!.ts.number).toBe('positive(x: number): boolean');
    expect(touch!.wasm).toEqual({ name: 'touch', params: ['f64'], results: [] });
    expect(touch!.wide).toEqual({ name: 'touch__wide', params: ['i64'], results: [] });
    expect(touch!.ts.number).toBe('touch(n: number): void');
  });

  it('makes the function named like the module the default export', async () => {
    const { spec } = await specOf('def fib(n: int) -> int:\n    return n\n\ndef other() -> int:\n    return 1\n', 'lib/fib.py');
    expect(spec.defaultExport).toBe('fib');
    const { spec: privateOnly } = await specOf('def _fib(n: int) -> int:\n    return n\n', '_fib.py');
    expect(privateOnly.exports).toEqual([]);
    expect(privateOnly.defaultExport).toBeNull();
  });

  it('refuses export names that collide with the ABI or with linked C symbols (PTL3010)', async () => {
    const { spec, diagnostics } = await specOf(`
def f__wide(n: int) -> int:
    return n

def memory() -> int:
    return 0

def exp(x: float) -> float:
    return x

def ok(x: float) -> float:
    return x
`);
    expect(spec.exports.map((e) => e.name)).toEqual(['ok']);
    expect(diagnostics.map((d) => `${d.code} ${d.range!.start.line} ${d.message}`)).toEqual([
      'PTL3010 2 cannot export `f__wide`: names ending in `__wide` are reserved for the wide (bigint) exports',
      'PTL3010 5 cannot export `memory`: `memory` is the linear memory export of every Portalis module',
      'PTL3010 8 cannot export `exp`: `exp` is also a C library function linked into every module (the math and memory routines Rust uses), which an export of that name would replace',
    ]);
    expect(diagnostics.every((d) => d.stage === 'spec' && d.file === 'geo.py')).toBe(true);
  });

  it('never produces a user export that shadows a support export', async () => {
    const { spec } = await specOf('def state(n: int) -> int:\n    return n\n');
    const support = new Set(SUPPORT_EXPORTS.map((s) => s.name));
    for (const e of spec.exports) {
      expect(support.has(e.wasm.name)).toBe(false);
      if (e.wide) expect(support.has(e.wide.name)).toBe(false);
    }
  });

  it('gives a function with a str or container param or result the one `__w` export, and the module ABI 2', () => {
    const fn = { name: 'tally', doc: null, line: 3, params: [{ name: 'words', type: 'list[str]' }, { name: 'limit', type: 'int' }], returns: 'dict[str, int]' };
    expect(exportSpec(fn)).toEqual({
      name: 'tally',
      params: fn.params,
      returns: 'dict[str, int]',
      boundary: 'wire',
      doc: null,
      line: 3,
      wasm: { name: 'tally__w', params: ['i32', 'i32'], results: [] },
      wide: null,
      ts: {
        number: 'tally(words: readonly string[], limit: number): Map<string, number>',
        bigint: 'tally(words: readonly string[], limit: bigint): Map<string, bigint>',
      },
    });
    const opt = exportSpec({ name: 'find', doc: null, line: 1, params: [{ name: 'p', type: 'tuple[float, ...]' }], returns: 'Optional[tuple[int, str]]' });
    expect(opt.ts.number).toBe('find(p: readonly number[]): [number, string] | null');
    expect(exportSpec({ name: 'show', doc: null, line: 1, params: [{ name: 's', type: 'set[int]' }], returns: 'None' }).ts.number).toBe(
      'show(s: ReadonlySet<number>): void',
    );
    // Scalars only: ABI 1, as before.
    expect(exportSpec({ name: 'f', doc: null, line: 1, params: [{ name: 'x', type: 'float' }], returns: 'None' }).boundary).toBe('scalar');

    const fakeAnalysis = (functions: object[]): AnalysisResult =>
      ({ file: 'words.py', moduleName: 'words', diagnostics: [], module: { functions, constants: [], doc: null, entry: null } }) as unknown as AnalysisResult;
    const range = { start: { line: 1, column: 4 }, end: { line: 1, column: 9 } };
    const { spec, diagnostics } = specifySync(
      fakeAnalysis([
        { ...fn, exported: true, nameRange: range },
        { name: 'each', doc: null, line: 7, exported: true, nameRange: range, params: [{ name: 'r', type: 'range' }], returns: 'int' },
        { name: 'apply', doc: null, line: 9, exported: true, nameRange: range, params: [], returns: 'Callable[[int], int]' },
        { name: 'g__w', doc: null, line: 11, exported: true, nameRange: range, params: [], returns: 'int' },
      ]),
    );
    expect(spec.abiVersion).toBe(2);
    expect(spec.exports.map((e) => e.name)).toEqual(['tally']);
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'PTL3012 cannot export `each`: its parameter type `range` cannot cross the JS boundary (a `range` has no JS counterpart; pass a list)',
      'PTL3012 cannot export `apply`: its result type `Callable[[int], int]` cannot cross the JS boundary (functions are not values there)',
      'PTL3010 cannot export `g__w`: names ending in `__w` are reserved for the exports that take encoded values',
    ]);
  });
});
