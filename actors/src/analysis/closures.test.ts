/**
 * Functions in analysis: call binding with CPython's messages (bind-call.ts),
 * defaults (defaults.ts), nested functions and their captures
 * (closures.ts), shared cells (cells.ts) and functions as values
 * (lower-lambda.ts). The corpus (functions/, closures/) checks the printed
 * results against CPython; these pin what analysis decides.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ingest } from '../ingest/ingest.js';
import { analyze } from './analysis.js';
import type { AnalysisResult, FunctionIR, ModuleIR } from './types.js';

async function run(source: string): Promise<AnalysisResult> {
  const parsed = await ingest({ file: 'fns.py', source });
  expect(parsed.diagnostics).toEqual([]);
  return analyze(parsed, { script: true });
}

async function ok(source: string): Promise<ModuleIR> {
  const r = await run(source);
  expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return r.module!;
}

async function messages(source: string): Promise<string[]> {
  const r = await run(source);
  return r.diagnostics.map((d) => d.message);
}

/** The TypeError message CPython gives for the last line of `source`. */
function cpythonTypeError(source: string): string {
  const program = `${source.split('\n').slice(0, -1).join('\n')}\ntry:\n    ${source.split('\n').slice(-1)[0]}\nexcept TypeError as e:\n    print(e)\n`;
  return execFileSync('python3', ['-c', program], { encoding: 'utf8' }).trim();
}

const fn = (m: ModuleIR, name: string): FunctionIR => m.functions.find((f) => f.name === name)!;

describe('call binding', () => {
  const defs = 'def g(a: int, b: int = 1, *rest: int, k: int, j: int = 0) -> int:\n    return a\n';
  it.each([
    'print(g())',
    'print(g(1))',
    'print(g(1, k=2, z=3))',
    'print(g(1, a=2, k=3))',
    'def h(a: int, b: int, c: int) -> int:\n    return a\nprint(h())',
    'def h(a: int, b: int = 2) -> int:\n    return a\nprint(h(1, 2, 3))',
  ])('reports %j with CPython\'s message', async (call) => {
    const source = call.startsWith('def ') ? call : `${defs}${call}`;
    const expected = cpythonTypeError(source.replace(/^print\((.*)\)$/m, '$1'));
    expect(await messages(source)).toContain(expected.replace(/^\w+\.<locals>\./, ''));
  });

  it('fills defaults and *args in parameter order', async () => {
    const m = await ok('def g(a: int, *rest: int, k: int = 5) -> int:\n    return a + k + len(rest)\nprint(g(1, 2, 3), g(0, k=1))\n');
    expect(fn(m, 'g').params.map((p) => `${p.name}: ${p.type}`)).toEqual(['a: int', 'rest: tuple[int, ...]', 'k: int']);
  });

  it('shares one object for a mutable default (a hidden module constant)', async () => {
    const m = await ok('def f(x: int, acc: list[int] = []) -> list[int]:\n    acc.append(x)\n    return acc\nprint(f(1), f(2))\n');
    expect(m.constants.map((c) => c.name)).toContain('f.<default>.acc');
  });
});

describe('nested functions', () => {
  it('lifts them by qualname, with what they read from the enclosing function as extra parameters', async () => {
    const m = await ok('def make(k: int):\n    def mul(x: int) -> int:\n        return x * k\n    return mul\nprint(make(3)(4))\n');
    expect(fn(m, 'make.<locals>.mul').params.map((p) => p.name)).toEqual(['x', 'k']);
    expect(fn(m, 'make').returns).toBe('Callable[[int], int]');
  });

  it('keeps a variable that nonlocal changes in a shared cell', async () => {
    const m = await ok('def counter():\n    n = 0\n    def step() -> int:\n        nonlocal n\n        n += 1\n        return n\n    return step\nc = counter()\nprint(c(), c())\n');
    expect(fn(m, 'counter').locals.map((l) => `${l.name}: ${l.type}`)).toEqual(['n__cell: list[int]']);
    expect(fn(m, 'counter.<locals>.step').params.map((p) => `${p.name}: ${p.type}`)).toEqual(['n__cell: list[int]']);
  });

  it('passes a variable that never changes after the def by value', async () => {
    const m = await ok('def outer(a: int) -> int:\n    b = a + 1\n    def inner() -> int:\n        return a + b\n    return inner()\nprint(outer(1))\n');
    expect(fn(m, 'outer').locals.map((l) => l.name)).toEqual(['b']);
  });
});

describe('functions as values', () => {
  it('types a key= lambda from the items it orders and a builtin from its argument', async () => {
    const m = await ok('xs = [(1, "b"), (0, "a")]\nprint(sorted(xs, key=lambda p: p[1]), list(map(str, [1, 2])))\n');
    expect(m.functions.length).toBe(1);
  });

  it('refuses a lambda that may be called later and reads a local', async () => {
    const msgs = await messages('from typing import Callable\ndef keep(f: Callable[[int], int]) -> int:\n    return f(1)\ndef g(n: int) -> int:\n    return keep(lambda x: x + n)\nprint(g(1))\n');
    expect(msgs.join('\n')).toMatch(/reads `n` of the enclosing code and may be called later/);
  });
});
