/**
 * Answers shared by the gRPC and HTTP fronts, built in the message shapes of
 * wire/messages.ts (which are also the JSON shapes of the HTTP protocol):
 * server and model metadata, model config, statistics, repository index,
 * and Triton's error-code mapping for both transports.
 */
import type { ErrorCode, InferenceCore, ModelStats } from './core.js';
import type { FieldDef, MessageDef, Msg } from './wire/codec.js';

export const SERVER_NAME = 'portalis';
export const SERVER_VERSION = '0.1.0';
export const EXTENSIONS = ['model_repository', 'model_configuration', 'binary_tensor_data', 'statistics'];

/** Triton's mapping (grpc_utils.cc): core code → gRPC status code number. */
export const GRPC_STATUS: Record<ErrorCode, number> = {
  UNKNOWN: 2, INTERNAL: 13, NOT_FOUND: 5, INVALID_ARG: 3, UNAVAILABLE: 14, UNSUPPORTED: 12, ALREADY_EXISTS: 6, CANCELLED: 1,
};

/** Triton's mapping (http_server.cc): core code → HTTP status. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNKNOWN: 400, INTERNAL: 500, NOT_FOUND: 404, INVALID_ARG: 400, UNAVAILABLE: 503, UNSUPPORTED: 501, ALREADY_EXISTS: 400, CANCELLED: 400,
};

export function serverMetadata(): Msg {
  return { name: SERVER_NAME, version: SERVER_VERSION, extensions: EXTENSIONS };
}

export function modelMetadata(core: InferenceCore, name: string, version: string): Msg {
  const model = core.model(name, version);
  const shape = (dims: readonly number[]) => (model.maxBatchSize > 0 ? [-1, ...dims] : [...dims]);
  return {
    name: model.name,
    versions: [...model.versions],
    platform: model.platform,
    inputs: model.inputs.map((t) => ({ name: t.name, datatype: t.datatype, shape: shape(t.dims) })),
    outputs: model.outputs.map((t) => ({ name: t.name, datatype: t.datatype, shape: shape(t.dims) })),
  };
}

export function modelStatistics(core: InferenceCore, name: string, version: string): Msg {
  const names = name === '' ? [...core.stats.keys()] : [core.model(name, version).name];
  const dur = (d: { count: number; ns: number }) => ({ count: d.count, ns: d.ns });
  return {
    model_stats: names.map((n) => {
      const s = core.stats.get(n) as ModelStats;
      const model = core.model(n);
      return {
        name: n,
        version: model.version,
        last_inference: s.lastInference,
        inference_count: s.inferenceCount,
        execution_count: s.executionCount,
        inference_stats: {
          success: dur(s.success), fail: dur(s.fail), queue: dur(s.queue), compute_input: dur({ count: 0, ns: 0 }),
          compute_infer: dur(s.computeInfer), compute_output: dur({ count: 0, ns: 0 }), cache_hit: dur({ count: 0, ns: 0 }), cache_miss: dur({ count: 0, ns: 0 }),
        },
        batch_stats: [...s.batches.entries()].sort((a, b) => a[0] - b[0]).map(([size, d]) => ({
          batch_size: size, compute_input: dur({ count: d.count, ns: 0 }), compute_infer: dur(d), compute_output: dur({ count: d.count, ns: 0 }),
        })),
      };
    }),
  };
}

export function repositoryIndex(core: InferenceCore, readyOnly: boolean): Msg[] {
  return [...core.entries.values()]
    .filter((e) => !readyOnly || e.model)
    .map((e) => ({ name: e.name, version: e.version, state: e.model ? 'READY' : 'UNAVAILABLE', reason: e.reason }));
}

/**
 * Protobuf JSON as Triton prints a model config: original field names, every
 * primitive field (defaults included), enums by name, 64-bit ints as numbers.
 */
export function messageToJson(def: MessageDef, msg: Msg): Msg {
  const out: Msg = {};
  for (const f of def.fields) {
    const v = msg[f.name];
    if (v === undefined) continue;
    if (f.map) {
      const o: Msg = {};
      for (const [k, x] of Object.entries(v as Msg)) o[k] = valueToJson(f, x);
      out[f.name] = o;
    } else if (f.repeated) out[f.name] = (v as unknown[]).map((x) => valueToJson(f, x));
    else out[f.name] = valueToJson(f, v);
  }
  return out;
}

function valueToJson(f: FieldDef, v: unknown): unknown {
  if (typeof f.type === 'function') return messageToJson(f.type(), v as Msg);
  if (f.type === 'enum') return f.enumNames?.[v as number] ?? v;
  if (f.type === 'bytes') return Buffer.from(v as Uint8Array).toString('base64');
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  return v;
}
