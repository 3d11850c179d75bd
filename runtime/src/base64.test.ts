/**
 * The base64 decoder used for inlined WASM, checked against Node's encoder.
 */

import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './base64.js';

function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('decodeBase64', () => {
  it('round-trips every length from 0 to 300 bytes', () => {
    for (let length = 0; length <= 300; length++) {
      const bytes = randomBytes(length, length + 1);
      expect(decodeBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    }
  });

  it('ignores whitespace and accepts missing padding and the URL-safe alphabet', () => {
    const bytes = randomBytes(1000, 7);
    const text = Buffer.from(bytes).toString('base64');
    expect(decodeBase64(text.replace(/.{60}/g, '$&\n  '))).toEqual(bytes);
    expect(decodeBase64(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
    expect(decodeBase64('AGFzbQ')).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
  });

  it('rejects characters outside the alphabet, data after padding and truncated input', () => {
    expect(() => decodeBase64('AGF*bQ==')).toThrow(new SyntaxError('invalid base64 at offset 3: "*"'));
    expect(() => decodeBase64('AA==AA==')).toThrow(SyntaxError);
    expect(() => decodeBase64('AGFzb')).toThrow('invalid base64: truncated input');
    expect(() => decodeBase64('é')).toThrow(SyntaxError);
  });
});
