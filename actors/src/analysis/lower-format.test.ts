import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseFormat, resolveFields } from './lower-format.js';

/** CPython's own reading of each format string: `_string.formatter_parser`, merged like ours. */
function cpythonParse(strings: readonly string[]): unknown[] {
  const script = `
import _string, json, sys
out = []
for s in json.load(sys.stdin):
    try:
        items = []
        for lit, name, spec, conv in _string.formatter_parser(s):
            if lit:
                if items and items[-1][0] == 'T': items[-1][1] += lit
                else: items.append(['T', lit])
            if name is not None:
                items.append(['F', name, conv, spec])
        out.append(items)
    except ValueError as e:
        out.append(['E', str(e)])
print(json.dumps(out))
`;
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(strings), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as unknown[];
}

function ours(s: string): unknown {
  const p = parseFormat(s, 2, false);
  if ('error' in p) return ['E', p.message];
  return p.map((it) => ('text' in it ? ['T', it.text] : ['F', it.field.name, it.field.conversion, it.field.specText]));
}

function randomStrings(n: number): string[] {
  const alphabet = ['{', '}', '{', '}', '!', ':', 'a', 'r', 's', '0', '1', '[', ']', '.', ' ', 'é'];
  let seed = 12345;
  const rnd = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = rnd(9);
    let s = '';
    for (let j = 0; j < len; j++) s += alphabet[rnd(alphabet.length)];
    out.push(s);
  }
  return out;
}

describe('parseFormat', () => {
  it("reads format strings as CPython's formatter_parser does (random strings and edge cases)", () => {
    const strings = ['', 'a{{b', '{}', '{0!r:>{1}}', 'x}}y', '{!}', '{!r', '{!rx}', '{a[}]}:x}', '{:{:{}}}', '{a{}}', '{0:}', '{!r:}', '{[x]}', '{.a}', '{', '}', 'a{b', '{0}{}', '{:{}}', ...randomStrings(3000)];
    const expected = cpythonParse(strings);
    strings.forEach((s, i) => expect([s, ours(s)]).toEqual([s, expected[i]]));
  });

  it('numbers fields as str.format does and reports its errors', () => {
    const run = (s: string): unknown => {
      const p = parseFormat(s);
      if ('error' in p) return p.message;
      const r = resolveFields(p);
      if (!Array.isArray(r)) return 'message' in r ? r.message : r.unsupported;
      return r.map((x) => ('text' in x ? x.text : x.ref));
    };
    expect(run('{} {}')).toEqual([{ index: 0 }, ' ', { index: 1 }]);
    expect(run('{1}{0}{name}')).toEqual([{ index: 1 }, { index: 0 }, { keyword: 'name' }]);
    expect(run('{0}{}')).toBe('cannot switch from manual field specification to automatic field numbering');
    expect(run('{}{0}')).toBe('cannot switch from automatic field numbering to manual field specification');
    expect(run('{:{:{}}}')).toBe('Max string recursion exceeded');
    expect(run('{!x}')).toBe('Unknown conversion specifier x');
    expect(run('{0.real}')).toMatch(/attribute or an item/);
  });
});
