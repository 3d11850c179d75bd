/** The text-format parser on config.pbtxt shapes and the rules in the KServe reference (3.3). */
import { describe, expect, it } from 'vitest';
import { parseTextFormat, PbtxtError } from './pbtxt.js';
import { ModelConfig } from './wire/messages.js';

describe('parseTextFormat(ModelConfig)', () => {
  it('parses a full Triton config with both repeated forms, maps, comments and separators', () => {
    const config = parseTextFormat(
      ModelConfig,
      `# a comment
name: 'ad' "d"   # adjacent literals concatenate
backend: "portalis_wasm"; max_batch_size: 8,
input [ { name: "a" data_type: TYPE_INT64 dims: [ 1 ] } ]
input < name: "b" data_type: 9 dims: 2 dims: 3 >
input [ ]
output { name: "out", data_type: TYPE_FP64, dims: [ -1 ] }
instance_group [ { count: 2 kind: KIND_CPU } ]
dynamic_batching { max_queue_delay_microseconds: 100 }
parameters { key: "timeout_ms" value: { string_value: "250" } }
parameters [ { key: "fuel" value { string_value: "1\\n2" } } ]
`,
    );
    expect(config.name).toBe('add');
    expect(config.backend).toBe('portalis_wasm');
    expect(config.max_batch_size).toBe(8);
    expect(config.input.map((i: { name: string; data_type: number; dims: number[] }) => [i.name, i.data_type, i.dims])).toEqual([
      ['a', 9, [1]],
      ['b', 9, [2, 3]],
    ]);
    expect(config.output[0].dims).toEqual([-1]);
    expect(config.output[0].data_type).toBe(12);
    expect(config.instance_group[0]).toMatchObject({ count: 2, kind: 2 });
    expect(config.dynamic_batching.max_queue_delay_microseconds).toBe(100);
    expect(config.parameters).toEqual({ timeout_ms: { string_value: '250' }, fuel: { string_value: '1\n2' } });
  });

  it.each([
    ['unknown field', 'nmae: "x"', /no field named 'nmae'/],
    ['unknown enum', 'input { data_type: TYPE_INT65 }', /unknown enum value 'TYPE_INT65'/],
    ['non-repeated twice', 'name: "a" name: "b"', /non-repeated field 'name'/],
    ['unterminated block', 'input { name: "a"', /missing '}'/],
    ['unterminated string', 'name: "a', /unterminated string/],
    ['value out of range', 'max_batch_size: 4294967296', /out of range/],
    ['scalar without colon', 'name "a"', /expected ':'/],
  ])('rejects %s with line:col', (_what, source, message) => {
    expect(() => parseTextFormat(ModelConfig, source)).toThrow(PbtxtError);
    expect(() => parseTextFormat(ModelConfig, source)).toThrow(message);
    expect(() => parseTextFormat(ModelConfig, source)).toThrow(/^\d+:\d+: |^end of input: /);
  });

  it('rejects two members of one oneof (version_policy)', () => {
    expect(() => parseTextFormat(ModelConfig, 'version_policy { latest { num_versions: 1 } all { } }')).toThrow(/same oneof/);
  });
});
