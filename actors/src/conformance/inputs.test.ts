import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '../spec/types.js';
import { allPairs, coerceCase, FLOAT_EDGES, generateCases, INT_EDGES } from './inputs.js';
import { floatBits, intValue } from './values.js';

const p = (name: string, type: ParamSpec['type']): ParamSpec => ({ name, type });
const opts = { maxCases: 60, seed: 0x5eed };

describe('allPairs', () => {
  for (const sizes of [[7, 7], [7, 6, 2], [7, 7, 7, 7], [2, 2, 2, 2, 2, 2], [6, 3, 7, 2, 5]]) {
    it(`covers every pair of values for sizes ${sizes.join('x')}`, () => {
      const rows = allPairs(sizes);
      for (const row of rows) {
        expect(row).toHaveLength(sizes.length);
        row.forEach((v, i) => expect(v >= 0 && v < (sizes[i] as number)).toBe(true));
      }
      for (let a = 0; a < sizes.length; a++) {
        for (let b = a + 1; b < sizes.length; b++) {
          for (let va = 0; va < (sizes[a] as number); va++) {
            for (let vb = 0; vb < (sizes[b] as number); vb++) {
              expect(rows.some((r) => r[a] === va && r[b] === vb), `params ${a}=${va}, ${b}=${vb}`).toBe(true);
            }
          }
        }
      }
      // Far fewer rows than the full product once there are more than two parameters.
      if (sizes.length > 2) expect(rows.length).toBeLessThan(sizes.reduce((n, s) => n * s, 1));
    });
  }
  it('is the full product for two parameters', () => {
    expect(allPairs([3, 2])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1]]);
  });
});

describe('generateCases', () => {
  it('gives one-parameter int functions every edge value, then seeded random ones', () => {
    const cases = generateCases('f', [p('n', 'int')], opts);
    const ints = cases.map((c) => (c.args[0] as { value: string }).value);
    for (const e of INT_EDGES) expect(ints).toContain(e.toString());
    expect(cases.filter((c) => c.origin === 'random').length).toBeGreaterThan(5);
    expect(new Set(ints).size).toBe(ints.length);
  });

  it('gives float functions -0.0, inf and nan exactly', () => {
    const bits = generateCases('f', [p('x', 'float')], opts).map((c) => (c.args[0] as { bits: string }).bits);
    for (const e of FLOAT_EDGES) expect(bits).toContain(floatBits(e));
    expect(bits).toContain('8000000000000000');
  });

  it('is deterministic, differs by seed and by function, and respects maxCases', () => {
    const params = [p('a', 'int'), p('b', 'float'), p('c', 'bool')];
    expect(generateCases('f', params, opts)).toEqual(generateCases('f', params, opts));
    expect(generateCases('f', params, opts)).not.toEqual(generateCases('f', params, { ...opts, seed: 1 }));
    expect(generateCases('f', params, opts)).not.toEqual(generateCases('g', params, opts));
    for (const n of [0, 1, 10, 60]) expect(generateCases('f', params, { ...opts, maxCases: n }).length).toBeLessThanOrEqual(n);
    for (const k of [2, 3, 5]) {
      const many = Array.from({ length: k }, (_, i) => p(`x${i}`, 'int'));
      const cases = generateCases('f', many, opts);
      expect(cases.length).toBeLessThanOrEqual(60);
      expect(cases.length).toBeGreaterThan(30);
    }
  });

  it('covers the sign pairs that tell floor from truncation for two ints', () => {
    const calls = generateCases('mod', [p('a', 'int'), p('b', 'int')], opts).map((c) => c.args.map((a) => (a as { value: string }).value).join(','));
    expect(calls).toContain('-7,3');
    expect(calls).toContain('3,-7');
    expect(calls).toContain('-9223372036854775808,-1');
    expect(calls).toContain('1,0');
  });

  it('has a single case for a function without parameters', () => {
    expect(generateCases('f', [], opts)).toEqual([{ args: [], origin: 'edge' }]);
  });
});

describe('coerceCase', () => {
  it('converts by parameter type', () => {
    expect(coerceCase([p('a', 'int'), p('x', 'float'), p('b', 'bool')], [7, '-0.0', true])).toEqual({
      args: [intValue(7n), { kind: 'float', bits: '8000000000000000' }, { kind: 'bool', value: true }],
    });
    expect(coerceCase([p('a', 'int')], ['-9223372036854775808'])).toEqual({ args: [intValue(-(2n ** 63n))] });
    expect(coerceCase([p('x', 'float')], ['nan'])).toEqual({ args: [{ kind: 'float', bits: '7ff8000000000000' }] });
  });

  it('refuses what the type cannot hold', () => {
    expect(coerceCase([p('a', 'int')], [1.5])).toEqual({ error: 'parameter a: expected an int, got number 1.5' });
    expect(coerceCase([p('a', 'int')], [2n ** 63n])).toMatchObject({ error: expect.stringContaining('outside the signed 64-bit range') });
    expect(coerceCase([p('b', 'bool')], [1])).toMatchObject({ error: expect.stringContaining('expected a bool') });
    expect(coerceCase([p('a', 'int')], [1, 2])).toEqual({ error: 'expected 1 argument, got 2' });
  });
});
