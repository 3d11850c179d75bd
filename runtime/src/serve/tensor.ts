/**
 * KServe v2 tensors: datatypes, element sizes and the conversions between
 * the three forms a tensor travels in — raw little-endian bytes (gRPC
 * raw_*_contents, the HTTP binary extension), typed protobuf contents, and
 * JSON `data` lists. Inside the server every tensor is raw bytes.
 */
import type { Msg } from './wire/codec.js';

export type Datatype = 'BOOL' | 'UINT8' | 'UINT16' | 'UINT32' | 'UINT64' | 'INT8' | 'INT16' | 'INT32' | 'INT64' | 'FP16' | 'FP32' | 'FP64' | 'BYTES' | 'BF16';

/** Bytes per element; 0 for BYTES (variable). */
export const ELEMENT_SIZE: Record<Datatype, number> = {
  BOOL: 1, UINT8: 1, UINT16: 2, UINT32: 4, UINT64: 8, INT8: 1, INT16: 2, INT32: 4, INT64: 8, FP16: 2, FP32: 4, FP64: 8, BYTES: 0, BF16: 2,
};

export function isDatatype(s: string): s is Datatype {
  return Object.prototype.hasOwnProperty.call(ELEMENT_SIZE, s);
}

/** Config `TYPE_X` ↔ protocol `X` (TYPE_STRING ↔ BYTES). */
export function configTypeToDatatype(configType: string): Datatype | null {
  if (configType === 'TYPE_STRING') return 'BYTES';
  const name = configType.replace(/^TYPE_/, '');
  return isDatatype(name) ? name : null;
}

/** The typed protobuf contents field for a datatype (none for FP16/BF16). */
export function contentsField(datatype: Datatype): string | null {
  switch (datatype) {
    case 'BOOL': return 'bool_contents';
    case 'INT8': case 'INT16': case 'INT32': return 'int_contents';
    case 'INT64': return 'int64_contents';
    case 'UINT8': case 'UINT16': case 'UINT32': return 'uint_contents';
    case 'UINT64': return 'uint64_contents';
    case 'FP32': return 'fp32_contents';
    case 'FP64': return 'fp64_contents';
    case 'BYTES': return 'bytes_contents';
    default: return null;
  }
}

export function elementCount(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export class TensorError extends Error {}

/** A JS value of one element: bigint for 64-bit ints, number, boolean, or bytes. */
export type Element = bigint | number | boolean | Uint8Array;

/** Writes elements to raw bytes. Throws TensorError for a value that does not fit. */
export function encodeRaw(datatype: Datatype, values: readonly unknown[], what = 'tensor'): Uint8Array {
  if (datatype === 'BYTES') {
    const parts = values.map((v) => (typeof v === 'string' ? new TextEncoder().encode(v) : v instanceof Uint8Array ? v : null));
    if (parts.some((p) => p === null)) throw new TensorError(`${what}: BYTES elements must be strings`);
    const total = parts.reduce((n, p) => n + 4 + p!.length, 0);
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    let at = 0;
    for (const p of parts) {
      view.setUint32(at, p!.length, true);
      out.set(p!, at + 4);
      at += 4 + p!.length;
    }
    return out;
  }
  const size = ELEMENT_SIZE[datatype];
  const out = new Uint8Array(size * values.length);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    const at = i * size;
    const bad = (): never => {
      throw new TensorError(`${what}: element ${i} (${typeof v === 'bigint' ? `${v}` : JSON.stringify(v)}) is not a valid ${datatype} value`);
    };
    switch (datatype) {
      case 'BOOL':
        if (typeof v !== 'boolean') bad();
        view.setUint8(at, v ? 1 : 0);
        return;
      case 'FP32': case 'FP64': {
        if (typeof v !== 'number' && typeof v !== 'bigint') bad();
        const x = Number(v);
        if (datatype === 'FP32') view.setFloat32(at, x, true);
        else view.setFloat64(at, x, true);
        return;
      }
      case 'FP16': case 'BF16':
        throw new TensorError(`${what}: ${datatype} data must be sent as raw binary`);
      default: {
        let big: bigint;
        if (typeof v === 'bigint') big = v;
        else if (typeof v === 'number' && Number.isInteger(v)) big = BigInt(v);
        else return bad();
        const bits = size * 8;
        const signed = datatype.startsWith('INT');
        const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
        const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
        if (big < min || big > max) bad();
        if (size === 8) view.setBigUint64(at, BigInt.asUintN(64, big), true);
        else if (size === 4) view.setUint32(at, Number(BigInt.asUintN(32, big)), true);
        else if (size === 2) view.setUint16(at, Number(BigInt.asUintN(16, big)), true);
        else view.setUint8(at, Number(BigInt.asUintN(8, big)));
      }
    }
  });
  return out;
}

/** Splits raw BYTES data into elements; throws TensorError on a bad length prefix. */
export function splitBytes(raw: Uint8Array, what: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  let at = 0;
  while (at < raw.length) {
    if (at + 4 > raw.length) throw new TensorError(`${what}: incomplete string length indicator at byte ${at}`);
    const n = view.getUint32(at, true);
    if (at + 4 + n > raw.length) throw new TensorError(`${what}: element byte size indicator exceeds the end of the buffer (length ${n} at byte ${at})`);
    out.push(raw.subarray(at + 4, at + 4 + n));
    at += 4 + n;
  }
  return out;
}

/** Reads raw bytes back into elements (BYTES as Uint8Array). */
export function decodeRaw(datatype: Datatype, raw: Uint8Array, what = 'tensor'): Element[] {
  if (datatype === 'BYTES') return splitBytes(raw, what);
  const size = ELEMENT_SIZE[datatype];
  if (raw.length % size !== 0) throw new TensorError(`${what}: ${raw.length} bytes is not a whole number of ${datatype} elements`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out: Element[] = [];
  for (let at = 0; at < raw.length; at += size) {
    switch (datatype) {
      case 'BOOL': out.push(view.getUint8(at) !== 0); break;
      case 'UINT8': out.push(view.getUint8(at)); break;
      case 'INT8': out.push(view.getInt8(at)); break;
      case 'UINT16': out.push(view.getUint16(at, true)); break;
      case 'INT16': out.push(view.getInt16(at, true)); break;
      case 'UINT32': out.push(view.getUint32(at, true)); break;
      case 'INT32': out.push(view.getInt32(at, true)); break;
      case 'UINT64': out.push(view.getBigUint64(at, true)); break;
      case 'INT64': out.push(view.getBigInt64(at, true)); break;
      case 'FP32': out.push(view.getFloat32(at, true)); break;
      case 'FP64': out.push(view.getFloat64(at, true)); break;
      default: throw new TensorError(`${what}: ${datatype} cannot be converted to JS values`);
    }
  }
  return out;
}

/** Typed protobuf contents → raw bytes. */
export function contentsToRaw(datatype: Datatype, contents: Msg, what: string): Uint8Array {
  const field = contentsField(datatype);
  if (!field) throw new TensorError(`${what}: ${datatype} has no typed contents field; send it as raw_input_contents`);
  for (const other of Object.keys(contents)) {
    if (other !== field && Array.isArray(contents[other]) && contents[other].length > 0) {
      throw new TensorError(`${what}: expected ${field} for datatype ${datatype}, got ${other}`);
    }
  }
  return encodeRaw(datatype, contents[field] as unknown[], what);
}

/** JSON `data` (flat or nested) → a flat list. */
export function flattenJson(data: unknown): unknown[] {
  if (!Array.isArray(data)) return [data];
  const out: unknown[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else out.push(v);
  };
  walk(data);
  return out;
}

/** Raw bytes → JSON `data` values (64-bit ints as numbers when safe; otherwise exact via the caller's JSON writer). */
export function rawToJson(datatype: Datatype, raw: Uint8Array): unknown[] {
  const values = decodeRaw(datatype, raw);
  if (datatype === 'BYTES') return values.map((v) => new TextDecoder().decode(v as Uint8Array));
  return values;
}
