/**
 * Random `match` statements against CPython: literals (signed, complex,
 * concatenated), captures, wildcards, sequences with stars, mappings with
 * `**rest`, class patterns with keywords, `as` and `|`, guards. Each must
 * either give CPython's tree with positions (the `modelled` dump, see
 * ast.ts) or CPython's error, message and position (`compile()`), which
 * covers the compiler's pattern checks (unreachable cases, names bound twice,
 * alternatives binding different names).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cpythonView, hasPython } from './__fixtures__/oracle/cpython.js';
import { dumpAst } from './dump.js';
import { parseSource } from './ingest.js';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f2', 'g', 'h'];
const LITERALS = ['1', '-1', '2.5', '-0.5', '"s"', "'t'", 'b"x"', 'None', 'True', 'False', '1+2j', '-3-4j', 'x.y', 'm.n.o', '"a" "b"', '0x1f'];
const KEYS = ['"k1"', '"k2"', '1', '-2', 'None', 'q.r', "b'z'"];

function matchStatement(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const free = (used: Set<string>): string | undefined => NAMES.find((n) => !used.has(n));
  const pattern = (depth: number, used: Set<string>): string => {
    const r = rnd();
    if (depth <= 0 || r < 0.3) {
      if (rnd() < 0.5) return pick(LITERALS);
      if (rnd() < 0.2) return '_';
      const n = free(used);
      if (n === undefined) return pick(LITERALS);
      used.add(n);
      return n;
    }
    if (r < 0.45) {
      const items = Array.from({ length: Math.floor(rnd() * 4) }, () => pattern(depth - 1, used));
      if (rnd() < 0.4) {
        const n = rnd() < 0.3 ? undefined : free(used);
        if (n !== undefined) used.add(n);
        items.splice(Math.floor(rnd() * (items.length + 1)), 0, `*${n ?? '_'}`);
      }
      return rnd() < 0.5 ? `[${items.join(', ')}]` : items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    if (r < 0.6) {
      const items = KEYS.filter(() => rnd() < 0.3).map((k) => `${k}: ${pattern(depth - 1, used)}`);
      const n = free(used);
      if (n !== undefined && rnd() < 0.3) {
        used.add(n);
        items.push(`**${n}`);
      }
      return `{${items.join(', ')}}`;
    }
    if (r < 0.75) {
      const positional = Array.from({ length: Math.floor(rnd() * 3) }, () => pattern(depth - 1, used));
      const keywords = ['x', 'y', 'z'].filter(() => rnd() < 0.35).map((k) => `${k}=${pattern(depth - 1, used)}`);
      return `${pick(['Point', 'mod.Cls', 'int'])}(${[...positional, ...keywords].join(', ')})`;
    }
    if (r < 0.85) {
      const n = free(used);
      if (n === undefined) return pick(LITERALS);
      let inner = pattern(depth - 1, used);
      if (NAMES.includes(inner) || inner === '_') inner = pick(LITERALS);
      used.add(n);
      return rnd() < 0.5 ? `(${inner} as ${n})` : `[${inner}] as ${n}`;
    }
    return Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(LITERALS)).join(' | ');
  };
  const cases = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
    const guard = rnd() < 0.3 ? ` if ${pick(['x', 'x > 1', '(w := 2)'])}` : '';
    return `    case ${pattern(3, new Set())}${guard}:\n        pass\n`;
  });
  return `match ${pick(['x', 'x, y', '(x)', 'x,', 'f(x)'])}:\n${cases.join('')}    case _:\n        pass\n`;
}

const python = process.env.PORTALIS_PYTHON ?? 'python3';
const ERRORS = String.raw`
import json, sys
out = []
for src in json.load(sys.stdin):
    try:
        compile(src, 't.py', 'exec')
        out.append(None)
    except SyntaxError as e:
        out.append([e.msg, e.lineno, e.offset])
print(json.dumps(out))
`;

describe.skipIf(!hasPython)('random match statements parse exactly as in CPython', () => {
  it('400 statements: same tree and positions, or the same error', () => {
    const rnd = random(3);
    const sources = Array.from({ length: 400 }, () => matchStatement(rnd));
    const views = cpythonView(sources);
    const r = spawnSync(python, ['-c', ERRORS], { input: JSON.stringify(sources), encoding: 'utf8' });
    expect(r.status).toBe(0);
    const errors = JSON.parse(r.stdout) as ([string, number, number] | null)[];
    const mismatches: string[] = [];
    let compared = 0;
    sources.forEach((source, i) => {
      const ours = parseSource('m.py', source);
      const error = errors[i];
      if (error) {
        const d = ours.diagnostics[0];
        const got = d ? [d.message, d.range?.start.line, d.range?.start.column] : null;
        if (JSON.stringify(got) !== JSON.stringify(error)) mismatches.push(`${source}  ours: ${JSON.stringify(got)}\n  CPython: ${JSON.stringify(error)}`);
        return;
      }
      const view = views[i]!;
      if ('error' in view || ours.module === null) {
        mismatches.push(`${source}  ingest rejects: ${ours.diagnostics[0]?.message}`);
        return;
      }
      compared++;
      const dump = dumpAst(ours.module, { includeAttributes: true, modelled: true });
      if (dump !== view.full) mismatches.push(`${source}  ours:    ${dump}\n  CPython: ${view.full}`);
    });
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(200);
  });
});
