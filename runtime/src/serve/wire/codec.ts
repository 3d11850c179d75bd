/**
 * A small schema-driven protobuf (proto3) binary codec.
 *
 * Messages are described as tables of fields (`MessageDef`, see messages.ts)
 * written from the field numbers of runtime/proto/*.proto; `encode` and
 * `decode` walk those tables. Encoding follows what protobuf's own
 * serializers write (fields in number order, proto3 scalars only when not the
 * default, repeated numbers packed), so the bytes match the golden wire
 * bytes of the KServe reference byte for byte; decoding also accepts unpacked
 * repeated numbers and skips unknown fields. Malformed input throws
 * `WireError`, never anything else.
 *
 * JS representation: int64/uint64 as bigint, `int64n`/`uint64n` (same wire
 * types) as JS numbers for shapes and counters, enums as numbers, bytes as
 * Uint8Array, maps as plain objects keyed by string.
 */

export type ScalarType =
  | 'string' | 'bytes' | 'bool' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'int64n' | 'uint64n' | 'double' | 'float' | 'enum';

export interface FieldDef {
  readonly no: number;
  readonly name: string;
  /** A scalar type, or a message (by a thunk, for recursion). */
  readonly type: ScalarType | (() => MessageDef);
  readonly repeated?: boolean;
  /** Member of a oneof: encoded whenever present, never defaulted on decode. */
  readonly oneof?: string;
  /** map<string, V>: `type` is V. */
  readonly map?: boolean;
  /** Enum names by number, for the text format and JSON. */
  readonly enumNames?: readonly string[];
}

export interface MessageDef {
  readonly name: string;
  readonly fields: readonly FieldDef[];
}

export class WireError extends Error {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Msg = Record<string, any>;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

/** Growable byte buffer with protobuf primitives. */
export class Writer {
  private buf = new Uint8Array(64);
  private pos = 0;

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  varint(value: number | bigint): void {
    if (typeof value === 'number' && value >= 0 && value <= 0x7fffffff) {
      this.ensure(5);
      let v = value;
      while (v > 0x7f) {
        this.buf[this.pos++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      this.buf[this.pos++] = v;
      return;
    }
    // Negative values take ten bytes (two's complement over 64 bits).
    let v = BigInt.asUintN(64, BigInt(value));
    this.ensure(10);
    while (v > 0x7fn) {
      this.buf[this.pos++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.pos++] = Number(v);
  }

  tag(no: number, wireType: number): void {
    this.varint(no * 8 + wireType);
  }

  bytes(data: Uint8Array): void {
    this.varint(data.length);
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  double(value: number): void {
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat64(this.pos, value, true);
    this.pos += 8;
  }

  float(value: number): void {
    this.ensure(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat32(this.pos, value, true);
    this.pos += 4;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

/** Reads protobuf primitives from a byte range; throws WireError past the end. */
export class Reader {
  pos: number;
  constructor(readonly buf: Uint8Array, start = 0, readonly end = buf.length) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  varintBig(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireError('truncated varint');
      const byte = this.buf[this.pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return BigInt.asUintN(64, result);
      shift += 7n;
    }
    throw new WireError('varint longer than 10 bytes');
  }

  /** A varint known to be small (tags, lengths, int32); larger values throw. */
  varint32(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end) throw new WireError('truncated varint');
      const byte = this.buf[this.pos++]!;
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
    }
    // int32 negatives are sign-extended to ten bytes: fall back.
    this.pos -= 5;
    return Number(BigInt.asIntN(32, this.varintBig()));
  }

  length(): number {
    const n = this.varint32();
    if (n < 0 || this.pos + n > this.end) throw new WireError('length-delimited field runs past the end of the message');
    return n;
  }

  bytes(): Uint8Array {
    const n = this.length();
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  fixed(n: 4 | 8): DataView {
    if (this.pos + n > this.end) throw new WireError('truncated fixed-width field');
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, n);
    this.pos += n;
    return view;
  }

  skip(wireType: number): void {
    switch (wireType) {
      case 0: this.varintBig(); return;
      case 1: this.fixed(8); return;
      case 2: {
        const n = this.length();
        this.pos += n;
        return;
      }
      case 5: this.fixed(4); return;
      default: throw new WireError(`unsupported wire type ${wireType}`);
    }
  }
}

function wireTypeOf(type: ScalarType): number {
  switch (type) {
    case 'string': case 'bytes': return 2;
    case 'double': return 1;
    case 'float': return 5;
    default: return 0;
  }
}

function isDefault(type: ScalarType, value: unknown): boolean {
  switch (type) {
    case 'string': return value === '';
    case 'bytes': return (value as Uint8Array).length === 0;
    case 'bool': return value === false;
    case 'double': case 'float': return value === 0 && !Object.is(value, -0);
    default: return value === 0 || value === 0n;
  }
}

function writeScalar(w: Writer, type: ScalarType, value: unknown): void {
  switch (type) {
    case 'string': w.bytes(utf8Encoder.encode(value as string)); return;
    case 'bytes': w.bytes(value as Uint8Array); return;
    case 'bool': w.varint(value ? 1 : 0); return;
    case 'double': w.double(value as number); return;
    case 'float': w.float(value as number); return;
    default: w.varint(value as number | bigint);
  }
}

function readScalar(r: Reader, type: ScalarType): unknown {
  switch (type) {
    case 'string': {
      const b = r.bytes();
      return utf8Decoder.decode(b);
    }
    case 'bytes': return new Uint8Array(r.bytes());
    case 'bool': return r.varintBig() !== 0n;
    case 'double': return r.fixed(8).getFloat64(0, true);
    case 'float': return r.fixed(4).getFloat32(0, true);
    case 'int32': case 'enum': return Number(BigInt.asIntN(32, r.varintBig()));
    case 'uint32': return Number(BigInt.asUintN(32, r.varintBig()));
    case 'int64': return BigInt.asIntN(64, r.varintBig());
    case 'uint64': return r.varintBig();
    case 'int64n': return Number(BigInt.asIntN(64, r.varintBig()));
    case 'uint64n': return Number(r.varintBig());
  }
}

/** Encodes `msg` as `def`. Absent (undefined) fields are skipped. */
export function encode(def: MessageDef, msg: Msg): Uint8Array {
  const w = new Writer();
  encodeInto(w, def, msg);
  return w.finish();
}

function encodeInto(w: Writer, def: MessageDef, msg: Msg): void {
  for (const f of def.fields) {
    const value = msg[f.name];
    if (value === undefined || value === null) continue;
    if (f.map) {
      const keys = Object.keys(value as object).sort();
      for (const key of keys) {
        const entry = new Writer();
        entry.tag(1, 2);
        entry.bytes(utf8Encoder.encode(key));
        const v = (value as Msg)[key];
        if (typeof f.type === 'function') {
          entry.tag(2, 2);
          entry.bytes(encode(f.type(), v));
        } else {
          entry.tag(2, wireTypeOf(f.type));
          writeScalar(entry, f.type, v);
        }
        w.tag(f.no, 2);
        w.bytes(entry.finish());
      }
    } else if (typeof f.type === 'function') {
      const sub = f.type();
      for (const item of f.repeated ? (value as Msg[]) : [value as Msg]) {
        w.tag(f.no, 2);
        w.bytes(encode(sub, item));
      }
    } else if (f.repeated) {
      const items = value as unknown[];
      if (items.length === 0) continue;
      if (f.type === 'string' || f.type === 'bytes') {
        for (const item of items) {
          w.tag(f.no, 2);
          writeScalar(w, f.type, item);
        }
      } else {
        const packed = new Writer();
        for (const item of items) writeScalar(packed, f.type, item);
        w.tag(f.no, 2);
        w.bytes(packed.finish());
      }
    } else {
      if (!f.oneof && isDefault(f.type, value)) continue;
      w.tag(f.no, wireTypeOf(f.type));
      writeScalar(w, f.type, value);
    }
  }
}

function defaultOf(type: ScalarType): unknown {
  switch (type) {
    case 'string': return '';
    case 'bytes': return new Uint8Array(0);
    case 'bool': return false;
    case 'int64': case 'uint64': return 0n;
    default: return 0;
  }
}

/** Decodes `bytes` as `def`, filling proto3 defaults (scalars, empty lists and maps; sub-messages stay absent). */
export function decode(def: MessageDef, bytes: Uint8Array, start = 0, end = bytes.length): Msg {
  const msg: Msg = {};
  for (const f of def.fields) {
    if (f.map) msg[f.name] = {};
    else if (f.repeated) msg[f.name] = [];
    else if (typeof f.type !== 'function' && !f.oneof) msg[f.name] = defaultOf(f.type);
  }
  const byNo = fieldIndex(def);
  const r = new Reader(bytes, start, end);
  while (!r.done) {
    const key = r.varint32();
    const no = Math.floor(key / 8);
    const wt = key & 7;
    if (no === 0) throw new WireError('field number 0');
    const f = byNo.get(no);
    if (!f) {
      r.skip(wt);
      continue;
    }
    if (f.map) {
      if (wt !== 2) throw new WireError(`${def.name}.${f.name}: map entry must be length-delimited`);
      const n = r.length();
      const er = new Reader(bytes, r.pos, r.pos + n);
      r.pos += n;
      let k = '';
      let v: unknown = typeof f.type === 'function' ? {} : defaultOf(f.type);
      while (!er.done) {
        const ek = er.varint32();
        const eno = Math.floor(ek / 8);
        const ewt = ek & 7;
        if (eno === 1 && ewt === 2) k = readScalar(er, 'string') as string;
        else if (eno === 2 && typeof f.type === 'function' && ewt === 2) {
          const len = er.length();
          v = decode(f.type(), bytes, er.pos, er.pos + len);
          er.pos += len;
        } else if (eno === 2 && typeof f.type !== 'function' && ewt === wireTypeOf(f.type)) v = readScalar(er, f.type);
        else er.skip(ewt);
      }
      msg[f.name][k] = v;
    } else if (typeof f.type === 'function') {
      if (wt !== 2) throw new WireError(`${def.name}.${f.name}: expected a length-delimited message`);
      const n = r.length();
      const sub = decode(f.type(), bytes, r.pos, r.pos + n);
      r.pos += n;
      if (f.repeated) msg[f.name].push(sub);
      else msg[f.name] = sub;
    } else {
      const expected = wireTypeOf(f.type);
      if (f.repeated && wt === 2 && expected !== 2) {
        const n = r.length();
        const pr = new Reader(bytes, r.pos, r.pos + n);
        r.pos += n;
        while (!pr.done) msg[f.name].push(readScalar(pr, f.type));
      } else if (wt === expected) {
        const v = readScalar(r, f.type);
        if (f.repeated) msg[f.name].push(v);
        else {
          if (f.oneof) for (const other of def.fields) if (other.oneof === f.oneof) delete msg[other.name];
          msg[f.name] = v;
        }
      } else {
        throw new WireError(`${def.name}.${f.name}: wire type ${wt}, expected ${expected}`);
      }
    }
  }
  return msg;
}

const indexCache = new WeakMap<MessageDef, Map<number, FieldDef>>();
function fieldIndex(def: MessageDef): Map<number, FieldDef> {
  let index = indexCache.get(def);
  if (!index) {
    index = new Map(def.fields.map((f) => [f.no, f]));
    indexCache.set(def, index);
  }
  return index;
}
