/**
 * Random expressions against CPython: operator precedence and associativity,
 * unary operators, `not`, `and`/`or`, conditional expressions, comparisons,
 * calls, subscripts and attributes, with random parentheses and spacing;
 * then the same with dict and set displays, slices, comprehensions,
 * lambdas, f-strings, starred expressions and the walrus mixed in.
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

/** `rich` mixes in the displays, comprehensions, lambdas and f-strings; `inF` keeps f-strings and quotes out of f-string fields. */
function expression(rnd: () => number, depth: number, rich = false, inF = false): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const sp = (): string => (rnd() < 0.2 ? '' : ' ');
  if (depth <= 0 || rnd() < 0.2) {
    const atom = pick(ATOMS);
    return inF && atom.startsWith("'") ? 'a' : atom;
  }
  const sub = (): string => expression(rnd, depth - 1, rich, inF);
  if (rich && rnd() < 0.45) {
    const opt = (): string => (rnd() < 0.4 ? '' : sub());
    const r = rnd();
    if (r < 0.1) return `{${sub()}:${sp()}${sub()}, **${sub()}${rnd() < 0.3 ? ',' : ''}}`;
    if (r < 0.18) return `{${sub()}, *${sub()}}`;
    if (r < 0.3) return `a[${opt()}:${opt()}${rnd() < 0.5 ? `:${opt()}` : ''}${rnd() < 0.3 ? `, ${sub()}` : ''}]`;
    if (r < 0.4) return `[${sub()} for v in ${sub()}${rnd() < 0.5 ? ` if ${sub()}` : ''}${rnd() < 0.3 ? ` for w in v` : ''}]`;
    if (r < 0.46) return `{v: ${sub()} for v, w in ${sub()}}`;
    if (r < 0.52) return `{${sub()} for v in ${sub()}}`;
    if (r < 0.58) return `(${sub()} for v in ${sub()})`;
    if (r < 0.66) return `(lambda v${rnd() < 0.5 ? `, w=${sub()}` : ''}${rnd() < 0.3 ? ', *r, k, **kw' : ''}: ${sub()})`;
    if (r < 0.8 && !inF) {
      const field = (): string => expression(rnd, depth - 1, rich, true);
      const conv = pick(['', '!r', '!s', '!a']);
      const spec = pick(['', ':>10', ':{a}', ':{b}.{a}f', ':']);
      return `f"x{${field()}${conv}${spec}}{{y}}{ ${field()} = }"${rnd() < 0.3 ? ' "z"' : ''}`;
    }
    if (r < 0.88) return `f(*${sub()}, ${sub()}, **${sub()})`;
    if (r < 0.94) return `[*${sub()}, ${sub()}]`;
    return `(z := ${sub()})`;
  }
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

  it('600 expressions with displays, slices, comprehensions, lambdas, f-strings, starred and walrus: same tree and positions', () => {
    const rnd = random(7);
    const sources = Array.from({ length: 600 }, () => `${expression(rnd, 4, true)}\n`);
    const r = spawnSync(python, ['-c', ORACLE], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.status).toBe(0);
    const expected = JSON.parse(r.stdout) as (string | null)[];
    const mismatches: string[] = [];
    let compared = 0;
    sources.forEach((source, i) => {
      const ours = parseSource('e.py', source);
      const theirs = expected[i];
      if (theirs === null) {
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
    expect(compared).toBeGreaterThan(400);
  });
});
