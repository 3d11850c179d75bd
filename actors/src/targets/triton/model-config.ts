/**
 * What one Triton model looks like for one exported Portalis function: its
 * tensors (one `[1]` input per parameter, one `[1]` output), batching,
 * instances and limits, as the config.pbtxt fields and as the `portalis.json`
 * metadata that both backends (Triton's Python one and the Node server) read.
 */
import type { ExportSpec, ModuleSpec, PyScalar } from '../../spec/types.js';
import { pbEnum, type PbField } from './config-pbtxt.js';

export const BACKEND_NAME = 'portalis_wasm';
/** Name of the single output tensor of every Portalis model. */
export const OUTPUT_NAME = 'OUTPUT0';
/** Version of the portalis.json layout below. */
export const METADATA_VERSION = 1;

export const DATA_TYPES: Record<PyScalar, { config: string; api: string }> = {
  int: { config: 'TYPE_INT64', api: 'INT64' },
  float: { config: 'TYPE_FP64', api: 'FP64' },
  bool: { config: 'TYPE_BOOL', api: 'BOOL' },
};

export type InstanceKind = 'KIND_CPU' | 'KIND_GPU' | 'KIND_MODEL' | 'KIND_AUTO';

export interface TritonOptions {
  readonly maxBatchSize: number;
  readonly instances: number;
  readonly kind: InstanceKind;
  readonly dynamicBatching: boolean;
  readonly preferredBatchSizes: readonly number[];
  readonly maxQueueDelayUs: number | null;
  readonly fuel: number | null;
  readonly timeoutMs: number | null;
  readonly memoryMb: number | null;
}

export interface TensorMeta {
  readonly name: string;
  /** The Python type of the value. */
  readonly type: PyScalar;
  /** `TYPE_INT64`… as in config.pbtxt. */
  readonly data_type: string;
  /** `INT64`… as in the KServe v2 protocol. */
  readonly datatype: string;
  /** Shape without the batch dimension. */
  readonly dims: readonly number[];
}

/** `<model>/1/portalis.json`: everything a backend needs to serve the model. */
export interface PortalisModelMeta {
  readonly portalis: typeof METADATA_VERSION;
  readonly abiVersion: number;
  readonly model: string;
  /** The exported function this model runs, a key of `spec.exports`. */
  readonly function: string;
  /** The WASM file, relative to the version directory. */
  readonly wasm: string;
  readonly source: string;
  readonly inputs: readonly TensorMeta[];
  readonly outputs: readonly TensorMeta[];
  readonly max_batch_size: number;
  readonly limits: { readonly fuel: number | null; readonly timeout_ms: number | null; readonly memory_mb: number | null };
  readonly spec: ModuleSpec;
}

/** Why a function cannot be a Triton model, or null when it can. */
export function unsupportedReason(fn: ExportSpec): string | null {
  if (fn.boundary === 'wire') return 'it takes or returns a str or a container, and the Triton backend passes scalar tensors only';
  if (fn.returns === 'None') return 'it returns None, and a Triton model must produce an output tensor';
  if (fn.params.length === 0) return 'it takes no parameters, and a Triton model needs at least one input tensor';
  if (fn.params.some((p) => p.name === OUTPUT_NAME)) return `a parameter is named ${OUTPUT_NAME}, the name of the output tensor`;
  return null;
}

function tensor(name: string, type: PyScalar): TensorMeta {
  return { name, type, data_type: DATA_TYPES[type].config, datatype: DATA_TYPES[type].api, dims: [1] };
}

export function modelMeta(spec: ModuleSpec, fn: ExportSpec, source: string, options: TritonOptions): PortalisModelMeta {
  return {
    portalis: METADATA_VERSION,
    abiVersion: spec.abiVersion,
    model: fn.name,
    function: fn.name,
    wasm: 'model.wasm',
    source,
    inputs: fn.params.map((p) => tensor(p.name, p.type as PyScalar)),
    outputs: [tensor(OUTPUT_NAME, fn.returns as PyScalar)],
    max_batch_size: options.maxBatchSize,
    limits: { fuel: options.fuel, timeout_ms: options.timeoutMs, memory_mb: options.memoryMb },
    spec,
  };
}

const tensorFields = (t: TensorMeta): PbField[] => [
  ['name', t.name],
  ['data_type', pbEnum(t.data_type)],
  ...t.dims.map((d): PbField => ['dims', d]),
];

const parameter = (key: string, value: string): PbField => ['parameters', [['key', key], ['value', [['string_value', value]]]]];

/** The ModelConfig fields of config.pbtxt for one model. */
export function configFields(meta: PortalisModelMeta, options: TritonOptions): PbField[] {
  const fields: PbField[] = [
    ['name', meta.model],
    ['backend', BACKEND_NAME],
    ['max_batch_size', options.maxBatchSize],
    ...meta.inputs.map((t): PbField => ['input', tensorFields(t)]),
    ...meta.outputs.map((t): PbField => ['output', tensorFields(t)]),
    ['instance_group', [['count', options.instances], ['kind', pbEnum(options.kind)]]],
  ];
  if (options.dynamicBatching) {
    const batching: PbField[] = options.preferredBatchSizes.map((n): PbField => ['preferred_batch_size', n]);
    if (options.maxQueueDelayUs !== null) batching.push(['max_queue_delay_microseconds', options.maxQueueDelayUs]);
    fields.push(['dynamic_batching', batching]);
  }
  // Map entries sorted by key, as protobuf's own printer writes them.
  if (options.fuel !== null) fields.push(parameter('fuel', String(options.fuel)));
  if (options.memoryMb !== null) fields.push(parameter('memory_mb', String(options.memoryMb)));
  if (options.timeoutMs !== null) fields.push(parameter('timeout_ms', String(options.timeoutMs)));
  return fields;
}
