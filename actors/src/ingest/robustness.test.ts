/**
 * Ingest never throws on garbage, and accepts exactly the programs CPython
 * accepts: random text must give a module or exactly one well-located
 * PTL1001, and randomly damaged versions of the fixture programs must be
 * accepted by ingest if and only if `compile()` in python3 accepts them
 * (tree-sitter alone accepts some that CPython rejects, e.g. a stray indent,
 * which would silently change a program's meaning). Set PORTALIS_FUZZ_SEED
 * to explore other mutations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cpythonView, hasPython } from './__fixtures__/oracle/cpython.js';
import { dumpAst } from './dump.js';
import { parseSource } from './ingest.js';
import type * as ast from './ast.js';
import type { IngestResult } from './types.js';

/** A small deterministic generator (LCG), so failures reproduce. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function checkWellFormed(source: string, r: IngestResult): void {
  if (r.module !== null) {
    expect(r.diagnostics).toEqual([]);
    expect(typeof dumpAst(r.module)).toBe('string');
    return;
  }
  expect(r.diagnostics).toHaveLength(1);
  const d = r.diagnostics[0]!;
  expect(d.code).toBe('PTL1001');
  expect(d.message.length).toBeGreaterThan(0);
  const { start, end } = d.range!;
  expect(start.line).toBeGreaterThanOrEqual(1);
  expect(start.column).toBeGreaterThanOrEqual(1);
  expect(start.offset).toBeLessThanOrEqual(source.length);
  expect(end.offset).toBeGreaterThanOrEqual(start.offset);
}

/** Whether `line` lies inside a statement or expression that ast.ts does not model. */
function insideUnsupported(module: ast.Module, line: number): boolean {
  let found = false;
  const visit = (node: unknown): void => {
    if (found || node === null || typeof node !== 'object' || node instanceof Uint8Array) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; range?: ast.Module['range'] };
    if ((n.type === 'UnsupportedStmt' || n.type === 'UnsupportedExpr') && n.range && n.range.start.line <= line && line <= n.range.end.line) {
      found = true;
      return;
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'range' && k !== 'nameRange') visit(v);
  };
  visit(module);
  return found;
}

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const programs = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.py'))
  .sort()
  .map((f) => readFileSync(FIXTURES + f, 'utf8'));

const PIECES = ['(', ')', '[', ']', '{', '}', ':', '=', '==', ' ', '\n', '    ', '\t', 'if ', 'else', 'elif x:', 'def ', 'return ',
  'lambda', 'not ', ' in ', ' is ', 'x', '1', '1_', '0x', '.5', 'é', '😀', '"', "'", '"""', '+', '*', '**', ',', '#', '\\', '.', ';',
  '@', '$', '`', '\r', '\r\n', '\f', '\u00a0', 'yield', 'await ', 'async ', 'global x', 'nonlocal x', 'break', 'continue', '*a'];

/** Deletes or inserts a few pieces, never splitting a surrogate pair. */
function mutate(program: string, rnd: () => number): string {
  const chars = [...program];
  const count = 1 + Math.floor(rnd() * 3);
  for (let m = 0; m < count; m++) {
    const at = Math.floor(rnd() * chars.length);
    if (rnd() < 0.4) chars.splice(at, 1 + Math.floor(rnd() * 3));
    else chars.splice(at, 0, PIECES[Math.floor(rnd() * PIECES.length)]!);
  }
  return chars.join('');
}

describe('garbage never throws', () => {
  it('random token soup gives a module or one located PTL1001', () => {
    const rnd = random(7);
    for (let k = 0; k < 400; k++) {
      let source = '';
      const len = Math.floor(rnd() * 40);
      for (let i = 0; i < len; i++) source += PIECES[Math.floor(rnd() * PIECES.length)];
      checkWellFormed(source, parseSource('soup.py', source));
    }
  });

  it('random characters, including controls and astral code points', () => {
    const rnd = random(11);
    for (let k = 0; k < 300; k++) {
      let source = '';
      const len = Math.floor(rnd() * 60);
      for (let i = 0; i < len; i++) {
        const r = rnd();
        source += String.fromCodePoint(r < 0.7 ? 32 + Math.floor(rnd() * 95) : r < 0.8 ? Math.floor(rnd() * 32) : r < 0.95 ? 0xa0 + Math.floor(rnd() * 0x2000) : 0x1f600 + Math.floor(rnd() * 80));
      }
      checkWellFormed(source, parseSource('noise.py', source));
    }
  });

  it('deeply nested input: CPython limits, and no stack overflow', () => {
    const message = (source: string): string | undefined => parseSource('deep.py', source).diagnostics[0]?.message;
    expect(message('('.repeat(5000))).toBe('too many nested parentheses');
    expect(message(`x = ${'('.repeat(300)}1${')'.repeat(300)}\n`)).toBe('too many nested parentheses');
    expect(message(`x = ${'('.repeat(199)}1${')'.repeat(199)}\n`)).toBeUndefined();
    expect(message(`x = ${'-'.repeat(1000)}1\n`)).toBeUndefined();
    expect(message(`x = ${'1 + '.repeat(1000)}1\n`)).toBeUndefined();
    expect(message(`x = ${'-'.repeat(20000)}1\n`)).toBe('too deeply nested: maximum recursion depth exceeded during compilation');
    expect(message(`x = ${'1 + '.repeat(50000)}1\n`)).toBe('too deeply nested: maximum recursion depth exceeded during compilation');
    let deepBlocks = '';
    for (let i = 0; i < 120; i++) deepBlocks += `${' '.repeat(i)}if x:\n`;
    expect(message(`${deepBlocks}${' '.repeat(120)}pass\n`)).toBe('too many levels of indentation');
  });
});

describe.skipIf(!hasPython)('damaged programs: ingest accepts exactly what CPython compiles, and parses it the same', () => {
  it('agrees with compile() and ast.dump on 600 mutated fixtures', () => {
    const rnd = random(Number(process.env.PORTALIS_FUZZ_SEED ?? 2024));
    const sources = Array.from({ length: 600 }, () => mutate(programs[Math.floor(rnd() * programs.length)]!, rnd));
    const cpython = cpythonView(sources);
    const disagreements: string[] = [];
    let bothRejected = 0;
    let sameError = 0;
    let bothAccepted = 0;
    sources.forEach((source, i) => {
      const ours = parseSource('damaged.py', source);
      checkWellFormed(source, ours);
      const theirs = cpython[i]!;
      const theirError = 'error' in theirs ? theirs.error : null;
      if (ours.module !== null && theirError !== null && insideUnsupported(ours.module, theirError[1])) {
        // CPython's compiler found an error inside a construct ast.ts does not
        // model (e.g. a `match` whose patterns are unreachable); analysis refuses
        // that construct anyway, with its own diagnostic.
      } else if ((ours.module === null) !== (theirError !== null)) {
        const d = ours.diagnostics[0];
        disagreements.push(`#${i}: ingest ${d ? `rejects: ${d.message}` : 'accepts'}; CPython ${theirError ? `rejects: ${theirError.join(' ')}` : 'accepts'}`);
      } else if (theirError !== null) {
        bothRejected++;
        const d = ours.diagnostics[0]!;
        if (d.message === theirError[0] && d.range?.start.line === theirError[1] && d.range?.start.column === theirError[2]) sameError++;
      } else if (!('error' in theirs)) {
        // Accepted by both: the trees and positions must be the same.
        bothAccepted++;
        const dump = dumpAst(ours.module!, { includeAttributes: true });
        if (dump !== theirs.attrs) disagreements.push(`#${i}: both accept, trees differ`);
      }
    });
    expect(disagreements).toEqual([]);
    expect(bothAccepted).toBeGreaterThan(50);
    // Most errors also get CPython's exact message and position (about 70% when this was written).
    expect(sameError / bothRejected).toBeGreaterThan(0.6);
  });
});
