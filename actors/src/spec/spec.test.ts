/**
 * The spec stage on analysed modules: WASM signatures of docs/abi.md for
 * both int modes, TypeScript signatures, the default export, and refused
 * export names (PTL3010).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analysis.js';
import { ingest } from '../ingest/ingest.js';
import { specify } from './spec.js';
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
});
