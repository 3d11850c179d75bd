/**
 * End-to-end conformance runs on real programs: arith.py under python3 and
 * its hand-written translation (arith.rs, docs/abi.md) built with rustc and
 * packaged by the package stage, run in a worker. The `wrong` build has
 * deliberate bugs that must be reported as mismatches.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARITH_SIGNATURES, compileFixture, fixturePath, haveWasmRustc, specFor, WASM_RUSTC } from './__fixtures__/fixture.js';
import { checkConformance, runConformance } from './conformance.js';
import { formatConformanceReport } from './format-report.js';
import type { CaseReport, ConformanceReport } from './types.js';

const python = process.env.PORTALIS_PYTHON ?? 'python3';
const havePython = (() => {
  try {
    execFileSync(python, ['-c', 'pass']);
    return true;
  } catch {
    return false;
  }
})();

function findCase(report: ConformanceReport, call: string): CaseReport {
  const found = report.functions.flatMap((f) => f.cases).find((c) => c.call === call);
  if (!found) throw new Error(`no case ${call} in the report`);
  return found;
}

const file = fixturePath('arith.py');
let source = '';
let spec: ReturnType<typeof specFor>;
let good: Uint8Array;
let wrong: Uint8Array;

describe.skipIf(!havePython || !haveWasmRustc)(`conformance of arith.py (needs ${python} and ${WASM_RUSTC} with wasm32)`, () => {
  beforeAll(async () => {
    source = await readFile(file, 'utf8');
    spec = specFor(file, source, ARITH_SIGNATURES);
    [good, wrong] = await Promise.all([compileFixture('arith.rs'), compileFixture('arith.rs', ['wrong'])]);
  });

  it('passes a correct translation, with limits and skips named', async () => {
    const report = await checkConformance({ file: 'arith.py', source, spec, wasm: good, options: { timeoutMs: 250 } });
    expect(report.status).toBe('ran');
    expect(report.python?.version).toMatch(/^3\./);
    expect(report.summary.mismatch).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.summary.pass).toBeGreaterThan(300);
    expect(report.functions.map((f) => f.name)).toEqual(ARITH_SIGNATURES.map(([n]) => n));
    for (const f of report.functions) expect(f.summary.cases).toBeLessThanOrEqual(60);

    expect(findCase(report, 'mod(-7, 3)')).toMatchObject({ verdict: 'pass', portalis: { kind: 'value', value: { kind: 'int', value: '2' } } });
    expect(findCase(report, 'floordiv(1, 0)')).toMatchObject({
      verdict: 'pass',
      python: { kind: 'exception', type: 'ZeroDivisionError', message: 'integer division or modulo by zero' },
      portalis: { kind: 'exception', type: 'ZeroDivisionError', message: 'integer division or modulo by zero' },
    });
    expect(findCase(report, 'root(-0.0)')).toMatchObject({ verdict: 'pass', portalis: { kind: 'value', value: { kind: 'float', bits: '8000000000000000' } } });
    expect(findCase(report, "root(float('nan'))")).toMatchObject({ verdict: 'pass' });
    expect(findCase(report, 'root(-2.25)')).toMatchObject({ verdict: 'pass', portalis: { kind: 'exception', type: 'ValueError', message: 'math domain error' } });
    // Results beyond 64 bits: a limit, never a pass.
    expect(findCase(report, 'floordiv(-9223372036854775808, -1)')).toMatchObject({ verdict: 'limit', code: 'PTL5004' });
    expect(findCase(report, 'fact(25)')).toMatchObject({ verdict: 'limit', python: { kind: 'value', value: { value: '15511210043330985984000000' } } });
    // 3n+1 overflows i64 on the way, though the step count is small: the width probe sees it.
    expect(findCase(report, 'steps(9223372036854775807)')).toMatchObject({
      verdict: 'limit',
      python: { kind: 'value', value: { kind: 'int', value: '862' } },
      reason: expect.stringContaining('more than 64 bits'),
    });
    // Runaway loops under CPython: skipped on both sides.
    expect(findCase(report, 'steps(0)')).toMatchObject({ verdict: 'skip', portalis: null, reason: expect.stringMatching(/^CPython timed out after \d+ ms$/) });
    expect(findCase(report, 'countdown(4611686018427387904)')).toMatchObject({ verdict: 'skip', portalis: null });
    expect(findCase(report, 'countdown(1000)')).toMatchObject({ verdict: 'pass' });
    // Recursion: both sides out of stack → pass on the type; CPython's default limit but not Portalis's → compared deeper.
    expect(findCase(report, 'fact(2147483648)')).toMatchObject({ verdict: 'pass', reason: expect.stringContaining('type only') });
    // A runaway recursion: RecursionError at the default limit, a timeout with it raised; not run under Portalis.
    expect(findCase(report, 'fib(1000)')).toMatchObject({
      verdict: 'skip',
      python: { kind: 'exception', type: 'RecursionError' },
      pythonDeep: { kind: 'timeout' },
      portalis: null,
    });
    expect(findCase(report, 'fib(20)')).toMatchObject({ verdict: 'pass', portalis: { kind: 'value', value: { value: '6765' } } });
    expect(findCase(report, 'fib(9223372036854775807)')).toMatchObject({ verdict: 'pass', portalis: { kind: 'exception', type: 'RecursionError' } });
    expect(findCase(report, 'guard(3)')).toMatchObject({ verdict: 'pass', python: { kind: 'value', value: { kind: 'none' } }, portalis: { kind: 'value', value: { kind: 'none' } } });
    expect(findCase(report, 'guard(-7)')).toMatchObject({ verdict: 'pass', portalis: { kind: 'exception', type: 'ZeroDivisionError' } });
    // `return 0` in a float function: CPython's int 0 reaches JS as the number 0.
    expect(findCase(report, 'clamp(-2.25)')).toMatchObject({
      verdict: 'pass',
      python: { kind: 'value', value: { kind: 'float', bits: '0000000000000000' }, convertedFrom: 'int' },
      reason: 'CPython returned an int; compared as a float, as the annotation says',
    });
    expect(findCase(report, 'clamp(-0.0)')).toMatchObject({ verdict: 'pass', portalis: { kind: 'value', value: { bits: '8000000000000000' } } });
    const deep = findCase(report, 'fact(1000)');
    expect(deep).toMatchObject({ verdict: 'limit', python: { kind: 'exception', type: 'RecursionError' }, pythonDeep: { kind: 'value' } });

    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const factWarning = report.diagnostics.find((d) => d.code === 'PTL5004' && d.message.startsWith('fact()'));
    expect(factWarning?.range?.start).toMatchObject({ line: source.split('\n').indexOf('def fact(n: int) -> int:') + 1, column: 5 });
    const text = formatConformanceReport(report);
    expect(text).toMatch(/^result: PASSED: \d+ cases: \d+ pass, \d+ limit, \d+ skip in 12 functions$/m);
    expect(text).toContain('limit PTL5004    floordiv(-9223372036854775808, -1)');
  });

  it('catches a wrong translation and names the failing inputs', async () => {
    const report = await checkConformance({
      file: 'arith.py', source, spec, wasm: wrong,
      options: { timeoutMs: 250, functions: ['mod', 'floordiv', 'is_even', 'clamp'] },
    });
    expect(report.ok).toBe(false);
    expect(report.functions.map((f) => f.name)).toEqual(['mod', 'floordiv', 'is_even', 'clamp']);
    // `%` truncating instead of flooring.
    expect(findCase(report, 'mod(-7, 3)')).toMatchObject({
      verdict: 'mismatch',
      code: 'PTL5001',
      python: { kind: 'value', value: { kind: 'int', value: '2' } },
      portalis: { kind: 'value', value: { kind: 'int', value: '-1' } },
    });
    expect(findCase(report, 'mod(1, 3)').verdict).toBe('pass');
    // The wrong ZeroDivisionError message.
    expect(findCase(report, 'floordiv(1, 0)')).toMatchObject({
      verdict: 'mismatch',
      code: 'PTL5002',
      reason: 'CPython gave ZeroDivisionError: integer division or modulo by zero, Portalis gave ZeroDivisionError: division by zero',
    });
    expect(findCase(report, 'is_even(-7)')).toMatchObject({ verdict: 'mismatch', code: 'PTL5001' });
    expect(findCase(report, 'is_even(7)').verdict).toBe('pass');
    // LLVM turned `x < 0.0 ? 0.0 : x` into f64.max: only the sign of zero differs.
    expect(findCase(report, 'clamp(-0.0)')).toMatchObject({
      verdict: 'mismatch',
      code: 'PTL5001',
      python: { kind: 'value', value: { bits: '8000000000000000' } },
      portalis: { kind: 'value', value: { bits: '0000000000000000' } },
    });
    expect(report.functions.find((f) => f.name === 'clamp')?.summary.mismatch).toBe(1);

    const modLine = source.split('\n').indexOf('def mod(a: int, b: int) -> int:') + 1;
    const d5001 = report.diagnostics.find((d) => d.code === 'PTL5001' && d.message.startsWith('mod()'));
    expect(d5001).toMatchObject({ severity: 'error', stage: 'test', file: 'arith.py', range: { start: { line: modLine, column: 5 }, end: { line: modLine, column: 8 } } });
    expect(d5001?.message).toMatch(/mod\(\) returns a different result than CPython on \d+ inputs: mod\(/);
    expect(report.diagnostics.find((d) => d.code === 'PTL5002' && d.message.startsWith('floordiv()'))?.message).toContain('floordiv(1, 0) → CPython ZeroDivisionError: integer division or modulo by zero, Portalis ZeroDivisionError: division by zero');

    const text = formatConformanceReport(report);
    expect(text).toContain('MISMATCH PTL5001 mod(-7, 3)');
    expect(text).toContain('CPython:  2');
    expect(text).toContain('Portalis: -1');
    expect(text).toMatch(/^result: FAILED: /m);
  });

  it('reports a WASM call that never ends as a mismatch and goes on in a fresh worker', async () => {
    const started = Date.now();
    const report = await checkConformance({
      file: 'arith.py', source, spec, wasm: wrong,
      options: { timeoutMs: 200, generate: false, cases: { countdown: [[7], [8], [-1]] } },
    });
    expect(findCase(report, 'countdown(7)')).toMatchObject({
      verdict: 'mismatch',
      python: { kind: 'value', value: { kind: 'int', value: '-1' } },
      portalis: { kind: 'timeout' },
      reason: expect.stringContaining('Portalis timed out'),
    });
    expect(findCase(report, 'countdown(8)')).toMatchObject({ verdict: 'pass', portalis: { kind: 'value', value: { value: '0' } } });
    expect(findCase(report, 'countdown(-1)').verdict).toBe('pass');
    expect(report.summary).toMatchObject({ cases: 3, pass: 2, mismatch: 1 });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('stops running a function under Portalis after three timeouts', async () => {
    const report = await checkConformance({
      file: 'arith.py', source, spec, wasm: wrong,
      options: { timeoutMs: 100, generate: false, cases: { countdown: [[3], [5], [7], [9], [11], [4]] } },
    });
    expect(report.functions[0]?.cases.map((c) => c.verdict)).toEqual(['mismatch', 'mismatch', 'mismatch', 'skip', 'skip', 'skip']);
    expect(findCase(report, 'countdown(9)')).toMatchObject({
      python: { kind: 'value', value: { value: '-1' } },
      portalis: null,
      reason: 'not run under Portalis, which already timed out on 3 inputs of countdown() where CPython finished',
    });
    expect(report.ok).toBe(false);
  });

  it('skips calls that time out under CPython without running them under Portalis', async () => {
    const started = Date.now();
    const report = await checkConformance({
      file: 'arith.py', source, spec, wasm: good,
      options: { timeoutMs: 150, generate: false, cases: { countdown: [[2n ** 62n], [9]], steps: [[-5]] } },
    });
    expect(findCase(report, 'countdown(4611686018427387904)')).toMatchObject({ verdict: 'skip', python: { kind: 'timeout' }, portalis: null });
    expect(findCase(report, 'steps(-5)')).toMatchObject({ verdict: 'skip', python: { kind: 'timeout' }, portalis: null });
    expect(findCase(report, 'countdown(9)')).toMatchObject({ verdict: 'pass' });
    expect(report.ok).toBe(true);
    expect(formatConformanceReport(report)).toContain('skip      CPython timed out after the time limit: countdown(4611686018427387904)');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('runs explicit cases and reports invalid ones as skips', async () => {
    const report = await checkConformance({
      file: 'arith.py', source, spec, wasm: good,
      options: { generate: false, cases: { mod: [[-7, 2], [7n, -2n], ['x', 1]], pick: [[true, 'nan'], [false, '-0.0']] } },
    });
    expect(report.functions.map((f) => [f.name, f.summary.cases])).toEqual([['mod', 3], ['pick', 2]]);
    expect(findCase(report, 'mod(-7, 2)')).toMatchObject({ verdict: 'pass', origin: 'explicit' });
    expect(findCase(report, 'mod(7, -2)')).toMatchObject({ verdict: 'pass', portalis: { kind: 'value', value: { value: '-1' } } });
    expect(report.functions[0]?.cases[2]).toMatchObject({ verdict: 'skip', reason: expect.stringContaining('expected an int') });
    expect(findCase(report, "pick(True, float('nan'))").verdict).toBe('pass');
    expect(findCase(report, 'pick(False, -0.0)')).toMatchObject({ verdict: 'pass', portalis: { kind: 'value', value: { bits: '0000000000000000' } } });
  });

  describe('python3 missing', () => {
    let saved: string | undefined;
    beforeAll(() => {
      saved = process.env.PORTALIS_PYTHON;
      process.env.PORTALIS_PYTHON = '/nonexistent/python3';
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.PORTALIS_PYTHON;
      else process.env.PORTALIS_PYTHON = saved;
    });

    it('is a visible skip with PTL5003, never a pass', async () => {
      const report = await checkConformance({ file: 'arith.py', source, spec, wasm: good });
      expect(report.status).toBe('skipped');
      expect(report.skipReason).toContain('/nonexistent/python3');
      expect(report.summary).toEqual({ cases: 0, pass: 0, mismatch: 0, limit: 0, skip: 0 });
      expect(report.diagnostics).toMatchObject([{ code: 'PTL5003', severity: 'warning', stage: 'test' }]);
      const text = formatConformanceReport(report);
      expect(text).toContain('SKIPPED: no working python3: /nonexistent/python3');
      expect(text).not.toContain('PASSED');
    });
  });

  it('is a visible skip when PORTALIS_PYTHON is not a Python', async () => {
    for (const notPython of ['/bin/true', '/bin/echo']) {
      const report = await checkConformance({ file: 'arith.py', source, spec, wasm: good, options: { python: notPython } });
      expect(report).toMatchObject({ status: 'skipped', summary: { pass: 0 }, diagnostics: [{ code: 'PTL5003' }] });
      expect(report.skipReason).toContain('did not run the conformance harness');
    }
  });

  describe('cancellation', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'portalis-conformance-cancel-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    /** A python3 that records its pid (exec keeps it), so the test can see it killed. */
    async function recordingPython(name: string): Promise<{ python: string; pid: () => Promise<number> }> {
      const pidFile = join(dir, `${name}.pid`);
      const script = join(dir, `${name}.sh`);
      await writeFile(script, `#!/bin/sh\necho $$ > '${pidFile}'\nexec '${python}' "$@"\n`);
      await chmod(script, 0o755);
      return { python: script, pid: async () => Number(await readFile(pidFile, 'utf8')) };
    }

    async function gone(pid: number): Promise<boolean> {
      for (let i = 0; i < 50; i++) {
        try {
          process.kill(pid, 0);
        } catch {
          return true;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    }

    it('kills python3 in the middle of a call', async () => {
      const rec = await recordingPython('during-python');
      const controller = new AbortController();
      const started = Date.now();
      const run = checkConformance(
        { file: 'arith.py', source, spec, wasm: good, options: { python: rec.python, timeoutMs: 20_000, generate: false, cases: { countdown: [[2n ** 62n]] } } },
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 500);
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await gone(await rec.pid())).toBe(true);
    });

    it('stops a WASM call that never ends', async () => {
      const rec = await recordingPython('during-wasm');
      const controller = new AbortController();
      const started = Date.now();
      const run = checkConformance(
        { file: 'arith.py', source, spec, wasm: wrong, options: { python: rec.python, timeoutMs: 20_000, generate: false, cases: { countdown: [[7]] } } },
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 1000);
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await gone(await rec.pid())).toBe(true);
    });

    it('rejects at once when the signal is already aborted', async () => {
      await expect(checkConformance({ file: 'arith.py', source, spec, wasm: good }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    });
  });
});

describe.skipIf(!havePython)(`the CPython process (needs ${python})`, () => {
  const hogSource = [
    'import math',
    'print("printed at import")',
    '',
    'def hog(n: int) -> int:',
    '    print("printed by hog", n)',
    '    return sum(range(n)) % 7',
    '',
  ].join('\n');
  const hogSpec = specFor('hog.py', hogSource, [['hog', [['n', 'int']], 'int']]);
  /** A hand-written JS module standing in for the packaged WASM: sum(range(n)) % 7 in closed form. */
  const hogModule = async (dir: string): Promise<string> => {
    const path = join(dir, 'hog.mjs');
    await writeFile(path, 'export function hog(n) { return n <= 0n ? 0n : ((n * (n - 1n)) / 2n) % 7n; }\n');
    return pathToFileURL(path).href;
  };

  it('kills a call stuck in C code, reports it as a timeout and restarts python3 for the next case', async () => {
    const started = Date.now();
    const report = await runConformance({
      file: 'hog.py',
      source: hogSource,
      spec: hogSpec,
      // sum() over a range runs in C and never checks for signals: only killing python3 stops it.
      options: { timeoutMs: 100, generate: false, cases: { hog: [[10n ** 10n], [5], [12]] } },
      loadModule: hogModule,
    });
    expect(findCase(report, 'hog(10000000000)')).toMatchObject({ verdict: 'skip', python: { kind: 'timeout' }, portalis: null });
    // User prints went to stderr, not into the protocol.
    expect(findCase(report, 'hog(5)')).toMatchObject({ verdict: 'pass', python: { kind: 'value', value: { value: '3' } } });
    expect(findCase(report, 'hog(12)')).toMatchObject({ verdict: 'pass' });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThan(3000); // the grace period before the kill
    expect(elapsed).toBeLessThan(10_000);
  });

  it('skips, with the reason, a function the spec names but CPython does not have', async () => {
    const spec = specFor('hog.py', hogSource + 'def nope(n: int) -> int:\n', [['hog', [['n', 'int']], 'int'], ['nope', [['n', 'int']], 'int']]);
    const report = await runConformance({
      file: 'hog.py',
      source: hogSource,
      spec,
      options: { generate: false, cases: { hog: [[3]], nope: [[1], [2]] } },
      loadModule: hogModule,
    });
    expect(report.functions.map((f) => f.summary)).toEqual([
      { cases: 1, pass: 1, mismatch: 0, limit: 0, skip: 0 },
      { cases: 2, pass: 0, mismatch: 0, limit: 0, skip: 2 },
    ]);
    expect(findCase(report, 'nope(1)').reason).toBe('the module has no function nope under CPython');
  });

  it('skips the report when the module does not import under CPython', async () => {
    const report = await runConformance({
      file: 'broken.py',
      source: 'X = 1 // 0\n\ndef hog(n: int) -> int:\n    return n\n',
      spec: specFor('broken.py', 'def hog(n: int) -> int:\n', [['hog', [['n', 'int']], 'int']]),
      loadModule: () => Promise.reject(new Error('not reached')),
    });
    expect(report).toMatchObject({ status: 'skipped', summary: { pass: 0 } });
    expect(report.skipReason).toContain('ZeroDivisionError: integer division or modulo by zero');
    expect(report.diagnostics).toMatchObject([{ code: 'PTL5005', severity: 'warning' }]);
  });
});
