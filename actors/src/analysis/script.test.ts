/**
 * Script mode analysis (script.ts, lower-print.ts): what becomes the entry
 * function, which top-level names stay constants, and the refusals that
 * keep a script from computing something CPython would not (global state,
 * code that runs before a definition it uses). Library mode is checked to
 * be unchanged: print and top-level code are still refused there.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../ingest/ingest.js';
import { analyze } from './analysis.js';
import { ENTRY_FUNCTION } from './script.js';
import type { AnalysisResult, ModuleIR } from './types.js';

async function run(source: string, script = true): Promise<AnalysisResult> {
  const parsed = await ingest({ file: 'script.py', source });
  expect(parsed.diagnostics).toEqual([]);
  return analyze(parsed, { script });
}

async function ok(source: string): Promise<ModuleIR> {
  const r = await run(source);
  expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return r.module!;
}

async function errors(source: string, script = true): Promise<string[]> {
  const r = await run(source, script);
  expect(r.module).toBeNull();
  return r.diagnostics.map((d) => `${d.code} ${d.range!.start.line}:${d.range!.start.column}`);
}

describe('script mode', () => {
  it('puts top-level code and the main guard in the entry function; shared names stay constants', async () => {
    const m = await ok(
      ['N = 3', 'def f(x: int) -> int:', '    return x * N', 'total = 0', 'for i in range(N):', '    total += f(i)', 'if __name__ == "__main__":', '    print("total", total, sep=": ")'].join('\n'),
    );
    expect(m.entry).toBe(ENTRY_FUNCTION);
    expect(m.constants.map((c) => c.name)).toEqual(['N']);
    const entry = m.functions.find((f) => f.name === ENTRY_FUNCTION)!;
    expect(entry.locals.map((l) => `${l.name}:${l.type}`)).toEqual(['total:int', 'i:int']);
    expect(entry.body.map((s) => s.kind)).toEqual(['assign', 'for', 'print']);
    const print = entry.body[2]!;
    expect(print.kind === 'print' && [print.sep, print.end, print.fd, print.args.map((a) => a.kind)]).toEqual([': ', '\n', 1, ['text', 'value']]);
    expect(m.functions.every((f) => !f.exported)).toBe(true);
  });

  it('lowers sys.exit, len(sys.argv) and sys.stderr', async () => {
    const m = await ok(['import sys', 'if len(sys.argv) > 1:', '    print("x", file=sys.stderr)', '    sys.exit(True)', 'sys.exit()'].join('\n'));
    const entry = m.functions.find((f) => f.name === ENTRY_FUNCTION)!;
    const [iff, exit] = entry.body;
    expect(iff?.kind === 'if' && iff.body.map((s) => (s.kind === 'print' ? `print${s.fd}` : s.kind))).toEqual(['print2', 'exit']);
    expect(exit).toMatchObject({ kind: 'exit', status: null });
  });

  it('makes a shared name that is reassigned a module variable, set by the top-level code and global statements', async () => {
    const r = await run(['count = 0', 'def get() -> int:', '    return count', 'def bump() -> None:', '    global count', '    count += 1', 'count = 1', 'bump()', 'print(get())'].join('\n'));
    expect(r.diagnostics).toEqual([]);
    const module = r.module!;
    expect(module.constants.find((c) => c.name === 'count')).toMatchObject({ type: 'int', variable: true });
    const sets = (name: string): number =>
      module.functions.find((f) => f.name === name)!.body.filter((s) => s.kind === 'expr' && s.value.kind === 'op' && s.value.op === 'functions.global_set').length;
    expect([sets(ENTRY_FUNCTION), sets('bump')]).toEqual([2, 1]);
  });

  it('refuses reading a module variable before its first assignment has run', async () => {
    const r = await run(['def get() -> int:', '    return count', 'print(get())', 'count = 0', 'count = 1'].join('\n'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PTL3004']);
  });

  it('refuses code that runs before a definition it reaches through calls', async () => {
    expect(await errors(['def a() -> int:', '    return b()', 'print(a())', 'def b() -> int:', '    return 1'].join('\n'))).toEqual(['PTL3004 3:7']);
    expect(await errors(['def a() -> int:', '    return K', 'print(a())', 'K = 2'].join('\n'))).toEqual(['PTL3004 3:7']);
  });

  it('refuses print options that are not strings, and float exit statuses', async () => {
    // CPython: TypeError: end must be None or a string, not int
    expect(await errors('e = 1\nprint(1, end=e)\n')).toEqual(['PTL3003 2:14']);
    expect((await run('e = "!"\nxs = [1]\nprint(*xs, 2, sep=e * 2, end=e)\n', true)).diagnostics).toEqual([]);
    expect(await errors('print(*5)\n')).toEqual(['PTL3003 1:8']);
    expect(await errors('import sys\nsys.exit(1.5)\n')).toEqual(['PTL3003 2:10']);
  });

  it('leaves library mode as it was: print and top-level code are refused', async () => {
    expect(await errors('def f() -> None:\n    print(1)\n', false)).toEqual(['PTL2007 2:5']);
    expect(await errors('x = 1\nx += 1\n', false)).toEqual(['PTL3008 2:1']);
  });
});
