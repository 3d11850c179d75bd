/**
 * The codec against the golden wire bytes of the KServe v2 reference (written
 * by protobuf's own Python serializer): encoding must give the same bytes,
 * decoding must give the message back. Plus unpacked repeated numbers,
 * unknown fields, negative int64 and malformed input.
 */
import { describe, expect, it } from 'vitest';
import { decode, encode, WireError } from './codec.js';
import * as M from './messages.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const i64 = (n: bigint) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, n, true);
  return b;
};

const GOLDEN = {
  inferRaw: '0a076164645f6936341201311a0234322a0d0a01611205494e5436341a01012a0d0a01621205494e5436341a010132050a036f75743a0802000000000000003a082800000000000000',
  echoTyped: '0a046563686f2a150a0173120542595445531a01022a06420268694200',
  echoRaw: '0a046563686f2a0d0a0173120542595445531a01023a0a02000000686900000000',
  inferResponse: '0a076164645f6936341201311a0234322a0f0a036f75741205494e5436341a010132082a00000000000000',
  param: '1010',
  metadata: '0a076164645f6936341201311a0d706f7274616c69735f7761736d220d0a01611205494e5436341a0101',
};

describe('golden wire bytes', () => {
  it('ModelInferRequest with raw INT64 inputs', () => {
    const msg = {
      model_name: 'add_i64', model_version: '1', id: '42',
      inputs: [{ name: 'a', datatype: 'INT64', shape: [1] }, { name: 'b', datatype: 'INT64', shape: [1] }],
      outputs: [{ name: 'out' }],
      raw_input_contents: [i64(2n), i64(40n)],
    };
    expect(hex(encode(M.ModelInferRequest, msg))).toBe(GOLDEN.inferRaw);
    const back = decode(M.ModelInferRequest, bytes(GOLDEN.inferRaw));
    expect(back.model_name).toBe('add_i64');
    expect(back.inputs.map((t: { name: string; shape: number[] }) => [t.name, t.shape])).toEqual([['a', [1]], ['b', [1]]]);
    expect(back.raw_input_contents.map(hex)).toEqual([hex(i64(2n)), hex(i64(40n))]);
    expect(hex(encode(M.ModelInferRequest, back))).toBe(GOLDEN.inferRaw);
  });

  it('ModelInferRequest with typed and raw BYTES', () => {
    const typed = { model_name: 'echo', inputs: [{ name: 's', datatype: 'BYTES', shape: [2], contents: { bytes_contents: [new TextEncoder().encode('hi'), new Uint8Array(0)] } }] };
    expect(hex(encode(M.ModelInferRequest, typed))).toBe(GOLDEN.echoTyped);
    expect(decode(M.ModelInferRequest, bytes(GOLDEN.echoTyped)).inputs[0].contents.bytes_contents.map(hex)).toEqual(['6869', '']);
    const raw = { model_name: 'echo', inputs: [{ name: 's', datatype: 'BYTES', shape: [2] }], raw_input_contents: [bytes('02000000686900000000')] };
    expect(hex(encode(M.ModelInferRequest, raw))).toBe(GOLDEN.echoRaw);
  });

  it('ModelInferResponse, InferParameter, ModelMetadataResponse', () => {
    const res = { model_name: 'add_i64', model_version: '1', id: '42', outputs: [{ name: 'out', datatype: 'INT64', shape: [1] }], raw_output_contents: [i64(42n)] };
    expect(hex(encode(M.ModelInferResponse, res))).toBe(GOLDEN.inferResponse);
    expect(hex(encode(M.InferParameter, { int64_param: 16n }))).toBe(GOLDEN.param);
    expect(decode(M.InferParameter, bytes(GOLDEN.param))).toEqual({ int64_param: 16n });
    const meta = { name: 'add_i64', versions: ['1'], platform: 'portalis_wasm', inputs: [{ name: 'a', datatype: 'INT64', shape: [1] }] };
    expect(hex(encode(M.ModelMetadataResponse, meta))).toBe(GOLDEN.metadata);
    expect(decode(M.ModelMetadataResponse, bytes(GOLDEN.metadata))).toEqual({ ...meta, outputs: [] });
  });
});

describe('decoding rules', () => {
  it('accepts unpacked repeated numbers and skips unknown fields', () => {
    // TensorMetadata{name "a", shape 2, 3} with shape unpacked, plus unknown field 9 (varint) and 10 (bytes).
    const b = bytes('0a016118021803480752026869');
    expect(decode(M.TensorMetadata, b)).toEqual({ name: 'a', datatype: '', shape: [2, 3] });
  });

  it('round-trips negative and large int64 contents and oneof defaults', () => {
    const msg = { int64_contents: [-5n, 2n ** 40n, -(2n ** 63n), 2n ** 63n - 1n], fp64_contents: [-0, 1.5, Infinity] };
    const back = decode(M.InferTensorContents, encode(M.InferTensorContents, msg));
    expect(back.int64_contents).toEqual(msg.int64_contents);
    expect(Object.is(back.fp64_contents[0], -0)).toBe(true);
    expect(back.fp64_contents.slice(1)).toEqual([1.5, Infinity]);
    // A oneof member at its default value is still written.
    expect(hex(encode(M.InferParameter, { bool_param: false }))).toBe('0800');
  });

  it('throws WireError on truncated and malformed input', () => {
    const good = bytes(GOLDEN.inferRaw);
    for (let cut = 1; cut < good.length; cut += 7) {
      let error: unknown = null;
      try {
        decode(M.ModelInferRequest, good.subarray(0, cut));
      } catch (e) {
        error = e;
      }
      if (error !== null) expect(error).toBeInstanceOf(WireError);
    }
    expect(() => decode(M.ModelInferRequest, bytes('0a7f61'))).toThrow(WireError);
    expect(() => decode(M.ModelInferRequest, bytes('0f'))).toThrow(WireError);
    expect(() => decode(M.ModelInferRequest, bytes('08ffffffffffffffffffff01'))).toThrow(WireError);
  });
});
