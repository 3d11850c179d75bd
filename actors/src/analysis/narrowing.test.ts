/**
 * Narrowing of Optional locals (narrowing.ts) and the container builtins of
 * builtins-containers.ts, checked on the IR: where a read is narrowed (an
 * `optional.narrowed` op of the inner type) and where it is not (a region
 * that assigns the variable keeps the Optional type, so misuse is refused).
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../ingest/ingest.js';
import { analyze } from './analysis.js';
import { visitStmts } from './ir-walk.js';
import type { AnalysisResult, FunctionIR } from './types.js';

async function run(source: string): Promise<AnalysisResult> {
  const parsed = await ingest({ file: 'm.py', source });
  expect(parsed.diagnostics).toEqual([]);
  return analyze(parsed, { script: false });
}

async function fn(source: string, name: string): Promise<FunctionIR> {
  const r = await run(source);
  expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return r.module!.functions.find((f) => f.name === name)!;
}

async function codes(source: string): Promise<string[]> {
  const r = await run(source);
  return r.diagnostics.map((d) => `${d.code} ${d.range!.start.line}`);
}

function narrowedReads(f: FunctionIR): string[] {
  const out: string[] = [];
  visitStmts(f.body, (e) => {
    if (e.kind === 'op' && (e.op === 'optional.narrowed' || e.op === 'union.narrowed')) out.push(`${(e.args[0] as { name: string }).name}:${e.type}`);
  });
  return out;
}

const OPT = 'from typing import Optional\n';

describe('narrowing of Optional locals', () => {
  it('narrows inside `if x is not None`, after `if x is None: return`, in `and` and conditional expressions', async () => {
    const f = await fn(
      OPT +
        [
          'def f(x: Optional[int], y: Optional[str]) -> int:',
          '    if x is not None:',
          '        a = x + 1',
          '    if y is None:',
          '        return 0',
          '    b = len(y) if x else 0',
          '    if x is not None and x > 2:',
          '        return b',
          '    return len(y)',
        ].join('\n'),
      'f',
    );
    expect(narrowedReads(f)).toEqual(['x:int', 'y:str', 'x:int', 'y:str']);
  });

  it('does not narrow a region that assigns the variable', async () => {
    expect(
      await codes(OPT + ['def f(x: Optional[int]) -> int:', '    if x is not None:', '        x = None', '        return x + 1', '    return 0'].join('\n')),
    ).toEqual(['PTL3003 5']);
  });

  it('narrows isinstance(x, T) of an Optional[T], and decides isinstance of other types statically', async () => {
    const f = await fn(
      OPT + ['def f(x: Optional[str]) -> bool:', '    if isinstance(x, str):', '        return x.isupper()', '    return isinstance(True, int) and not isinstance(1, float)'].join('\n'),
      'f',
    );
    expect(narrowedReads(f)).toEqual(['x:str']);
  });

  it('types `v if c else None` as Optional and accepts `return None` in an Optional function', async () => {
    await fn(OPT + ['def f(s: str) -> Optional[str]:', '    if not s:', '        return None', '    return s if len(s) > 1 else None'].join('\n'), 'f');
  });
});

describe('unions', () => {
  it('types Union[A, B, C] and A | B annotations, narrows by isinstance and by elimination', async () => {
    const f = await fn(
      'from typing import Union\n' +
        [
          'def f(v: Union[int, str, float], w: int | str) -> str:',
          '    if isinstance(w, str):',
          '        return w.upper()',
          '    if isinstance(v, int):',
          '        return str(v + w)',
          '    if isinstance(v, str):',
          '        return v',
          '    return str(v / 2)',
        ].join('\n'),
      'f',
    );
    expect(f.params.map((p) => p.type)).toEqual(['Union[int, str, float]', 'Union[int, str]']);
    expect(narrowedReads(f)).toEqual(['w:str', 'v:int', 'w:int', 'v:str', 'v:float']);
  });
});

describe('narrowing until an assignment', () => {
  it('narrows a while body up to the statement that assigns, whose value still reads the narrowed variable', async () => {
    const f = await fn(
      OPT +
        [
          'def nxt(n: int) -> Optional[int]:',
          '    return None',
          'def walk(node: Optional[int]) -> int:',
          '    total = 0',
          '    while node is not None:',
          '        total += node',
          '        node = nxt(node)',
          '    return total',
        ].join('\n'),
      'walk',
    );
    expect(narrowedReads(f)).toEqual(['node:int', 'node:int']);
  });
});
