/**
 * Random expressions against CPython: operator precedence and associativity,
 * unary operators, `not`, `and`/`or`, conditional expressions, comparisons,
 * calls, subscripts and attributes, with random parentheses and spacing.
 * Each must dump exactly as `ast.dump(ast.parse(src), include_attributes=True)`
 * (columns converted to code points). This is how the `&`/`^` precedence bug
 * in tree-sitter-python was found.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type * as ast from './ast.js';
import { dumpAst } from './dump.js';
import { parseSource } from './ingest.js';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const BINARY = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@'];
const COMPARE = ['<', '<=', '>', '>=', '==', '!=', 'is', 'is not', 'in', 'not in'];
const ATOMS = ['a', 'b', 'x1', 'é', '0', '1', '2.5', '1e3', '0x1f', "'s'", 'True', 'None', '3j'];

function expression(rnd: () => number, depth: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const sp = (): string => (rnd() < 0.2 ? '' : ' ');
  if (depth <= 0 || rnd() < 0.2) return pick(ATOMS);
  const sub = (): string => expression(rnd, depth - 1);
  const r = rnd();
  if (r < 0.4) return `${sub()}${sp()}${pick(BINARY)}${sp()}${sub()}`;
  if (r < 0.5) return `${pick(['-', '+', '~'])}${sub()}`;
  if (r < 0.6) return `${sub()} ${pick(COMPARE)} ${sub()}${rnd() < 0.3 ? ` ${pick(COMPARE)} ${sub()}` : ''}`;
  if (r < 0.68) return `${sub()} ${pick(['and', 'or'])} ${sub()}`;
  if (r < 0.72) return `not ${sub()}`;
  if (r < 0.76) return `${sub()} if ${sub()} else ${sub()}`;
  if (r < 0.86) return `(${sub()})`;
  if (r < 0.9) return `f(${sub()}, k=${sub()})`;
  if (r < 0.95) return `a[${sub()}]`;
  return `a.b(${sub()}).c`;
}

const python = process.env.PORTALIS_PYTHON ?? 'python3';
const hasPython = spawnSync(python, ['--version']).status === 0;

const ORACLE = String.raw`
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        out.append(None)
        continue
    line = src.split('\n')[0].encode('utf-8')
    for n in ast.walk(tree):
        if getattr(n, 'col_offset', None) is not None:
            n.col_offset = len(line[:n.col_offset].decode('utf-8'))
            n.end_col_offset = len(line[:n.end_col_offset].decode('utf-8'))
    out.append(ast.dump(tree.body[0].value, include_attributes=True))
print(json.dumps(out))
`;

describe.skipIf(!hasPython)('random expressions parse exactly as in CPython', () => {
  it('800 expressions: same tree and positions', () => {
    const rnd = random(42);
    const sources = Array.from({ length: 800 }, () => `${expression(rnd, 5)}\n`);
    const r = spawnSync(python, ['-c', ORACLE], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.status).toBe(0);
    const expected = JSON.parse(r.stdout) as (string | null)[];
    const mismatches: string[] = [];
    let compared = 0;
    sources.forEach((source, i) => {
      const ours = parseSource('e.py', source);
      const theirs = expected[i];
      if (theirs === null) {
        // CPython rejects a few random shapes (e.g. `1 if x else 2 ** 3` is fine, `not` after an operator is not).
        if (ours.module !== null) mismatches.push(`${source.trim()}: ingest accepts, CPython rejects`);
        return;
      }
      compared++;
      if (ours.module === null) {
        mismatches.push(`${source.trim()}: ingest rejects (${ours.diagnostics[0]?.message})`);
        return;
      }
      const value = (ours.module.body[0] as ast.Expr).value;
      const dump = dumpAst(value, { includeAttributes: true });
      if (dump !== theirs) mismatches.push(`${source.trim()}\n  ours:    ${dump}\n  CPython: ${theirs}`);
    });
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(600);
  });
});
