/** JSON with exact 64-bit integers and -0.0, and hostile keys kept as data. */
import { describe, expect, it } from 'vitest';
import { JsonError, parseJson, stringifyJson } from './json.js';

describe('parseJson / stringifyJson', () => {
  it('keeps integers beyond 2^53 exact and writes them back unchanged', () => {
    const text = '{"data":[9223372036854775807,-9223372036854775808,42,1.5,-0.0,1e308],"s":"\\u00e9\\n"}';
    const value = parseJson(text) as { data: unknown[]; s: string };
    expect(value.data).toEqual([2n ** 63n - 1n, -(2n ** 63n), 42, 1.5, -0, 1e308]);
    expect(Object.is(value.data[4], -0)).toBe(true);
    expect(value.s).toBe('é\n');
    expect(stringifyJson(value)).toBe('{"data":[9223372036854775807,-9223372036854775808,42,1.5,-0.0,1e+308],"s":"é\\n"}');
  });

  it('keeps a __proto__ key as data', () => {
    const value = parseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['', '{', '[1,]', '{"a":1,}', '"\\x"', 'nul', '1 2', '[' .repeat(100) + ']'.repeat(100), '"a\nb"'])('rejects %j', (text) => {
    expect(() => parseJson(text)).toThrow(JsonError);
  });
});
