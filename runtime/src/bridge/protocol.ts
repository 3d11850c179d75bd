/**
 * The Kit bridge wire format (docs/bridge-protocol.md): every message is a
 * JSON header frame followed by zero or more binary payload frames. This file
 * holds the message shapes, the parsing of a request header (which never
 * throws: a malformed message becomes a `ProtocolProblem`), and the encoding
 * of replies and published messages into frames.
 */

/** Protocol version, the `v` of every header. Bump on incompatible changes. */
export const PROTOCOL_VERSION = 1;

/** PUB topics (the first frame of every published message). */
export const TOPIC_MODULE = 'module';
export const TOPIC_HEARTBEAT = 'hb';

/** Request types a Kit client sends on its DEALER. */
export type RequestType = 'ping' | 'call' | 'snapshot' | 'loaded';
const REQUEST_TYPES: ReadonlySet<string> = new Set<RequestType>(['ping', 'call', 'snapshot', 'loaded']);

export interface RequestHeader {
  readonly v: number;
  readonly type: RequestType;
  /** Chosen by the client, echoed in the reply; unique per client. */
  readonly id: number;
  /** Names the client across its sockets (liveness and events are per client); optional. */
  readonly client?: string;
  /** `call`: the function name. */
  readonly fn?: string;
  /** `call`: the encoded positional arguments (values.ts). */
  readonly args?: unknown[];
  /** `loaded`: the version the client now runs, whether loading worked, and why not. */
  readonly version?: string | null;
  readonly sha256?: string | null;
  readonly ok?: boolean;
  readonly error?: string;
  /** `loaded`: `running`, or `staged` (accepted, swapped in at the next simulation step). */
  readonly state?: 'running' | 'staged';
}

/** A parsed request: the header and the binary frames after it. */
export interface Request {
  readonly header: RequestHeader;
  readonly payload: Uint8Array[];
}

/** Why a message is not a valid request; `id` is set when the header had a usable one. */
export interface ProtocolProblem {
  readonly problem: string;
  readonly id: number | null;
}

/** How an error crosses back to the caller. */
export type ErrorKind =
  /** A Python exception raised by the WASM (or a Python-typed argument error): re-raised as that type. */
  | 'python'
  /** The request was not understood (bad frames, unknown type or function). */
  | 'protocol'
  /** Anything else thrown on the Node side. */
  | 'internal';

export interface ErrorBody {
  readonly kind: ErrorKind;
  /** For `python`: the CPython exception class name. For `internal`: the JS error name. */
  readonly type: string;
  readonly message: string;
}

/** The module a PUB `module` message or a `snapshot` reply describes (the wasm is the payload frame). */
export interface ModuleHeader {
  /** `v<seq>-<sha256 prefix>`: shown to people, reported back by Kit. */
  readonly version: string;
  /** Increases by one per published module within one Node process (`instance`). */
  readonly seq: number;
  readonly sha256: string;
  /** The module name (`step.py` → `step`). */
  readonly module: string;
  /** The ModuleSpec as JSON. */
  readonly spec: unknown;
}

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder('utf-8', { fatal: true });

/** Parses the frames of one request as the ROUTER gives them, after the identity frame. */
export function parseRequest(frames: readonly Uint8Array[]): Request | ProtocolProblem {
  if (frames.length === 0) return { problem: 'empty message: expected a JSON header frame', id: null };
  let text: string;
  try {
    text = textDecoder.decode(frames[0]);
  } catch {
    return { problem: 'the header frame is not UTF-8', id: null };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `the header frame is not JSON: ${(error as Error).message}`, id: null };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { problem: 'the header must be a JSON object', id: null };
  const header = json as Record<string, unknown>;
  const id = typeof header.id === 'number' && Number.isSafeInteger(header.id) ? header.id : null;
  if (header.v !== PROTOCOL_VERSION) return { problem: `unsupported protocol version ${JSON.stringify(header.v)} (this bridge speaks ${PROTOCOL_VERSION})`, id };
  if (id === null) return { problem: 'the header has no integer "id"', id };
  if (typeof header.type !== 'string' || !REQUEST_TYPES.has(header.type)) return { problem: `unknown request type ${JSON.stringify(header.type)}`, id };
  if (header.type === 'call') {
    if (typeof header.fn !== 'string' || header.fn === '') return { problem: 'a call needs a string "fn"', id };
    if (!Array.isArray(header.args)) return { problem: 'a call needs an "args" array', id };
  }
  if (header.type === 'loaded' && typeof header.ok !== 'boolean') return { problem: 'a loaded report needs a boolean "ok"', id };
  return { header: header as unknown as RequestHeader, payload: frames.slice(1) as Uint8Array[] };
}

export function isProblem(parsed: Request | ProtocolProblem): parsed is ProtocolProblem {
  return 'problem' in parsed;
}

/** Frames of a reply (without the identity frame the ROUTER prepends). */
export function replyFrames(header: Record<string, unknown>, payload: readonly Uint8Array[] = []): Uint8Array[] {
  return [textEncoder.encode(JSON.stringify({ v: PROTOCOL_VERSION, ...header })), ...payload];
}

export function errorFrames(id: number | null, error: ErrorBody): Uint8Array[] {
  return replyFrames({ type: 'error', id, error });
}

/** Frames of a published message: topic, header, payload. */
export function publishFrames(topic: string, header: Record<string, unknown>, payload: readonly Uint8Array[] = []): Uint8Array[] {
  return [textEncoder.encode(topic), textEncoder.encode(JSON.stringify({ v: PROTOCOL_VERSION, ...header })), ...payload];
}

/** Decodes a reply or published header frame (used by the Node test client and tools). */
export function decodeHeader(frame: Uint8Array): Record<string, unknown> {
  return JSON.parse(textDecoder.decode(frame)) as Record<string, unknown>;
}

export function encodeHeader(header: Record<string, unknown>): Uint8Array {
  return textEncoder.encode(JSON.stringify({ v: PROTOCOL_VERSION, ...header }));
}
