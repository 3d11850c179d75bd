/**
 * The bridge's wire format: value encoding (exact floats and ints), request
 * parsing (a malformed message is a problem report, never a throw), frames.
 */
import { describe, expect, it } from 'vitest';
import { decodeHeader, errorFrames, parseRequest, publishFrames, replyFrames } from './protocol.js';
import { decodeValue, encodeValue, PyFloat, ValueDecodeError } from './values.js';

const enc = new TextEncoder();
const frame = (value: unknown) => enc.encode(JSON.stringify(value));

describe('values', () => {
  it('tags floats so 2.0, -0.0, nan and inf survive JSON', () => {
    const frames: Uint8Array[] = [];
    const json = JSON.parse(JSON.stringify(encodeValue([new PyFloat(2), new PyFloat(-0), new PyFloat(NaN), new PyFloat(-Infinity), 0.5], frames)));
    expect(json).toEqual([{ $f: 2 }, { $f: '-0' }, { $f: 'nan' }, { $f: '-inf' }, { $f: 0.5 }]);
    const back = decodeValue(json, frames) as PyFloat[];
    expect(back.map((f) => f.value)).toEqual([2, -0, NaN, -Infinity, 0.5]);
    expect(Object.is(back[1]!.value, -0)).toBe(true);
  });

  it('keeps ints exact beyond 2^53 and references bytes as payload frames', () => {
    const frames: Uint8Array[] = [];
    const json = encodeValue({ big: 2n ** 70n, small: 7n, bytes: new Uint8Array([1, 2]), none: null, flag: true }, frames);
    expect(json).toEqual({ big: { $i: '1180591620717411303424' }, small: 7, bytes: { $b: 0 }, none: null, flag: true });
    expect(frames).toEqual([new Uint8Array([1, 2])]);
    expect(decodeValue(json, frames)).toEqual({ big: 2n ** 70n, small: 7, bytes: new Uint8Array([1, 2]), none: null, flag: true });
    expect(decodeValue({ $i: '-12' }, [])).toBe(-12);
  });

  it('rejects what it cannot decode exactly', () => {
    expect(() => decodeValue(1.5, [])).toThrow(ValueDecodeError);
    expect(() => decodeValue({ $f: 'huge' }, [])).toThrow(ValueDecodeError);
    expect(() => decodeValue({ $i: '1e3' }, [])).toThrow(ValueDecodeError);
    expect(() => decodeValue({ $b: 1 }, [new Uint8Array()])).toThrow(/names no payload frame/);
    expect(() => encodeValue(() => 1, [])).toThrow(TypeError);
  });
});

describe('parseRequest', () => {
  it('accepts a call with its payload frames', () => {
    const parsed = parseRequest([frame({ v: 1, type: 'call', id: 3, fn: 'step', args: [{ $b: 0 }] }), new Uint8Array([9])]);
    expect(parsed).toEqual({ header: { v: 1, type: 'call', id: 3, fn: 'step', args: [{ $b: 0 }] }, payload: [new Uint8Array([9])] });
  });

  it.each([
    [[], null, /empty message/],
    [[new Uint8Array([0xff])], null, /not UTF-8/],
    [[enc.encode('{')], null, /not JSON/],
    [[frame([1])], null, /JSON object/],
    [[frame({ v: 2, type: 'ping', id: 1 })], 1, /unsupported protocol version 2/],
    [[frame({ v: 1, type: 'ping' })], null, /no integer "id"/],
    [[frame({ v: 1, type: 'ping', id: 1.5 })], null, /no integer "id"/],
    [[frame({ v: 1, type: 'exec', id: 4 })], 4, /unknown request type "exec"/],
    [[frame({ v: 1, type: 'call', id: 5, args: [] })], 5, /string "fn"/],
    [[frame({ v: 1, type: 'call', id: 6, fn: 'f', args: 'x' })], 6, /"args" array/],
    [[frame({ v: 1, type: 'loaded', id: 7 })], 7, /boolean "ok"/],
  ] as const)('reports a malformed message %#', (frames, id, problem) => {
    const parsed = parseRequest(frames as unknown as Uint8Array[]);
    expect('problem' in parsed).toBe(true);
    if (!('problem' in parsed)) return;
    expect(parsed.id).toBe(id);
    expect(parsed.problem).toMatch(problem);
  });
});

describe('frames', () => {
  it('puts the protocol version in every header', () => {
    expect(decodeHeader(replyFrames({ type: 'pong', id: 1 })[0]!)).toEqual({ v: 1, type: 'pong', id: 1 });
    expect(decodeHeader(errorFrames(null, { kind: 'protocol', type: 'BridgeProtocolError', message: 'm' })[0]!)).toEqual({
      v: 1,
      type: 'error',
      id: null,
      error: { kind: 'protocol', type: 'BridgeProtocolError', message: 'm' },
    });
    const published = publishFrames('module', { type: 'module' }, [new Uint8Array([0, 97, 115, 109])]);
    expect(new TextDecoder().decode(published[0])).toBe('module');
    expect(published).toHaveLength(3);
  });
});
