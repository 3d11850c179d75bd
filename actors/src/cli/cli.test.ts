/**
 * The `portalis` command as users run it: the real bin script on real files,
 * in a child process, checking exit codes, written files and diagnostics.
 * (The test command builds dist/ before vitest runs.)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repo, 'actors/bin/portalis.js');
const runtimeUrl = pathToFileURL(join(repo, 'runtime/dist/index.js')).href;
const errors = join(repo, 'tests/fixtures/errors');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function portalis(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: repo, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portalis-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('portalis build', () => {
  it('writes .rs, .wasm, .js and .d.ts, and the .js computes fib', async () => {
    const src = join(dir, 'fib.py');
    await writeFile(src, 'def fib(n: int) -> int:\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n');
    const out = join(dir, 'out');
    const run = await portalis(['build', src, '-o', out, '--runtime', runtimeUrl]);
    expect(run.stderr).toContain('built');
    expect(run.code).toBe(0);
    for (const ext of ['rs', 'wasm', 'js', 'd.ts']) expect((await stat(join(out, `fib.${ext}`))).size).toBeGreaterThan(0);
    expect(await readFile(join(out, 'fib.d.ts'), 'utf8')).toMatch(/fib\(n: number\): number/);
    const mod = (await import(pathToFileURL(join(out, 'fib.js')).href)) as { default: (n: number) => number; fib: (n: number) => number };
    expect(mod.fib(20)).toBe(6765);
    expect(mod.default).toBe(mod.fib);
  });

  it('reports a syntax error with file:line:col, a code and a hint, and exits 1', async () => {
    const run = await portalis(['build', join(errors, 'syntax_error.py'), '-o', join(dir, 'bad')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/syntax_error\.py:\d+:\d+: error PTL1001: /);
    expect(run.stderr).toContain('hint:');
  });

  it('refuses a class with its location, code and hint, and exits 1', async () => {
    const run = await portalis(['build', join(errors, 'unsupported_class.py'), '-o', join(dir, 'bad')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unsupported_class\.py:4:1: error PTL2003: /);
    expect(run.stderr).toContain('hint:');
  });

  it('refuses a generator with its location and exits 1', async () => {
    const run = await portalis(['build', join(errors, 'unsupported_generator.py'), '-o', join(dir, 'bad')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unsupported_generator\.py:4:9: error PTL2004: /);
  });

  it('says clearly when PORTALIS_RUSTC does not work', async () => {
    const src = join(dir, 'one.py');
    await writeFile(src, 'def one() -> int:\n    return 1\n');
    const run = await portalis(['build', src, '-o', join(dir, 'one')], { PORTALIS_RUSTC: '/nonexistent/rustc' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PTL4005');
  });

  it('builds several files in parallel with a progress line each', async () => {
    const files = ['a', 'b', 'c'].map((n) => join(dir, `${n}.py`));
    await Promise.all(files.map((f, i) => writeFile(f, `def f${i}(x: int) -> int:\n    return x * ${i + 2}\n`)));
    const run = await portalis(['build', ...files, '-o', join(dir, 'many')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/\[1\/3\]/);
    expect(run.stderr).toMatch(/\[3\/3\]/);
    expect(run.stderr).toContain('3 of 3 modules built');
  });

  it('exits 2 on usage errors', async () => {
    expect((await portalis(['frobnicate'])).code).toBe(2);
    expect((await portalis(['build'])).code).toBe(2);
    expect((await portalis(['build', 'x.py', '--int', 'huge'])).code).toBe(2);
  });
});

describe('portalis test', () => {
  it('runs conformance against CPython and prints a report', async () => {
    const src = join(dir, 'arith.py');
    await writeFile(src, 'def floordiv(a: int, b: int) -> int:\n    return a // b\n\n\ndef mod(a: float, b: float) -> float:\n    return a % b\n');
    const run = await portalis(['test', src]);
    expect(run.stdout).toContain('floordiv');
    expect(run.stdout).toContain('mod');
    expect(run.code).toBe(0);
  });
});
