/**
 * Values on the Kit bridge: Python values written as JSON inside a header
 * frame, exactly (docs/bridge-protocol.md, "Values").
 *
 * JSON alone would lose what CPython keeps: `2.0` and `2` are one JS number,
 * `-0.0`, `nan` and `inf` have no JSON form, and ints beyond 2^53 lose digits
 * in a JS number. So floats are always tagged `{"$f": x}` (x a JSON number,
 * or "nan" / "inf" / "-inf" / "-0"), ints beyond the safe range are
 * `{"$i": "<decimal>"}`, and bytes travel as their own binary frame,
 * referenced as `{"$b": k}` (k-th payload frame after the header).
 *
 * On the JS side a Python float is a `PyFloat` (so a handler can tell
 * `2.0` from `2`), an int a `number` (safe) or a `bigint`.
 */

/** A Python float; a plain JS number on the wire would read back as an int. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** What a bridge value is in JS: the decoded form of a JSON-encoded Python value. */
export type BridgeValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | Uint8Array
  | BridgeValue[]
  | { [key: string]: BridgeValue };

/** A value that could not be decoded; the message says which part. */
export class ValueDecodeError extends Error {}

const TAGS = new Set(['$f', '$i', '$b']);

/** Encodes `value` for a header; binary values are appended to `frames` and referenced by index. */
export function encodeValue(value: unknown, frames: Uint8Array[]): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof PyFloat) return encodeFloat(value.value);
  if (typeof value === 'number') {
    // An untyped JS number: integral values are ints, the rest floats.
    if (Number.isSafeInteger(value) && !Object.is(value, -0)) return value;
    if (Number.isInteger(value)) return { $i: BigInt(value).toString() };
    return encodeFloat(value);
  }
  if (typeof value === 'bigint') {
    return value >= -MAX_SAFE && value <= MAX_SAFE ? Number(value) : { $i: value.toString() };
  }
  if (value instanceof Uint8Array) {
    frames.push(value);
    return { $b: frames.length - 1 };
  }
  if (Array.isArray(value)) return value.map((item) => encodeValue(item, frames));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = encodeValue(item, frames);
    return out;
  }
  throw new TypeError(`cannot send a ${typeof value} over the Kit bridge`);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function encodeFloat(x: number): { $f: number | string } {
  if (Number.isNaN(x)) return { $f: 'nan' };
  if (x === Infinity) return { $f: 'inf' };
  if (x === -Infinity) return { $f: '-inf' };
  if (Object.is(x, -0)) return { $f: '-0' };
  return { $f: x };
}

/** Decodes a JSON value from a header; `{"$b": k}` refers to `frames[k]`. Throws ValueDecodeError. */
export function decodeValue(json: unknown, frames: readonly Uint8Array[]): BridgeValue {
  if (json === null || typeof json === 'boolean' || typeof json === 'string') return json;
  if (typeof json === 'number') {
    if (!Number.isSafeInteger(json)) throw new ValueDecodeError(`an untagged number must be a safe integer, got ${json}`);
    return json;
  }
  if (Array.isArray(json)) return json.map((item) => decodeValue(item, frames));
  if (typeof json === 'object') {
    const record = json as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && TAGS.has(keys[0]!)) return decodeTagged(keys[0]!, record[keys[0]!], frames);
    const out: { [key: string]: BridgeValue } = {};
    for (const key of keys) out[key] = decodeValue(record[key], frames);
    return out;
  }
  throw new ValueDecodeError(`not a JSON value: ${typeof json}`);
}

function decodeTagged(tag: string, inner: unknown, frames: readonly Uint8Array[]): BridgeValue {
  if (tag === '$f') {
    if (typeof inner === 'number') return new PyFloat(inner);
    const special = inner === 'nan' ? NaN : inner === 'inf' ? Infinity : inner === '-inf' ? -Infinity : inner === '-0' ? -0 : undefined;
    if (special === undefined) throw new ValueDecodeError(`bad float ${JSON.stringify(inner)}`);
    return new PyFloat(special);
  }
  if (tag === '$i') {
    if (typeof inner !== 'string' || !/^-?\d+$/.test(inner)) throw new ValueDecodeError(`bad int ${JSON.stringify(inner)}`);
    const big = BigInt(inner);
    return big >= -MAX_SAFE && big <= MAX_SAFE ? Number(big) : big;
  }
  if (typeof inner !== 'number' || !Number.isInteger(inner) || inner < 0 || inner >= frames.length) {
    throw new ValueDecodeError(`bytes reference ${JSON.stringify(inner)} names no payload frame (${frames.length} present)`);
  }
  return frames[inner]!;
}

/** The Python type name of a decoded value, for error messages (`int`, `float`, ...). */
export function pythonTypeName(value: BridgeValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number' || typeof value === 'bigint') return 'int';
  if (typeof value === 'string') return 'str';
  if (value instanceof PyFloat) return 'float';
  if (value instanceof Uint8Array) return 'bytes';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}
