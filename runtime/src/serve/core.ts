/**
 * The protocol-neutral inference core shared by the gRPC and HTTP fronts.
 *
 * Requests arrive with every input as raw little-endian bytes (the fronts
 * convert typed contents and JSON first). The core checks them the way
 * Triton's core does — known model and version, expected input names,
 * datatypes, shapes with the batch dimension, byte sizes, requested outputs —
 * and answers with Triton's error codes and messages; then it runs every
 * batch element through the served function in the model's worker pool and
 * keeps the statistics and metrics.
 */
import { WorkerPool, TimeoutError } from './pool.js';
import type { Model, ModelEntry } from './repository.js';
import { decodeRaw, ELEMENT_SIZE, elementCount, encodeRaw, isDatatype, splitBytes, TensorError, type Datatype } from './tensor.js';
import type { JobMessage } from './worker.js';

/** Triton's error codes (core TRITONSERVER_Error_Code names). */
export type ErrorCode = 'UNKNOWN' | 'INTERNAL' | 'NOT_FOUND' | 'INVALID_ARG' | 'UNAVAILABLE' | 'UNSUPPORTED' | 'ALREADY_EXISTS' | 'CANCELLED';

export class InferError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}

export interface RawInput {
  readonly name: string;
  readonly datatype: string;
  readonly shape: readonly number[];
  readonly raw: Uint8Array;
}

export interface CoreRequest {
  readonly model: string;
  readonly version: string;
  readonly id: string;
  readonly inputs: readonly RawInput[];
  /** Requested output names; null = all. */
  readonly outputs: readonly string[] | null;
}

export interface RawOutput {
  readonly name: string;
  readonly datatype: Datatype;
  readonly shape: number[];
  readonly raw: Uint8Array;
}

export interface CoreResponse {
  readonly model: string;
  readonly version: string;
  readonly id: string;
  readonly outputs: RawOutput[];
}

export interface Duration {
  count: number;
  ns: number;
}

export interface ModelStats {
  success: Duration;
  fail: Duration;
  queue: Duration;
  computeInfer: Duration;
  inferenceCount: number;
  executionCount: number;
  lastInference: number;
  batches: Map<number, Duration>;
}

const newStats = (): ModelStats => ({
  success: { count: 0, ns: 0 }, fail: { count: 0, ns: 0 }, queue: { count: 0, ns: 0 }, computeInfer: { count: 0, ns: 0 },
  inferenceCount: 0, executionCount: 0, lastInference: 0, batches: new Map(),
});

export interface CoreOptions {
  /** Per-request time limit in ms (a model's own `timeout_ms` parameter wins). */
  readonly requestTimeoutMs: number;
}

const shapeText = (s: readonly number[]) => `[${s.join(',')}]`;

export class InferenceCore {
  readonly entries: Map<string, ModelEntry>;
  private readonly pools = new Map<string, WorkerPool>();
  readonly stats = new Map<string, ModelStats>();
  private inflight = 0;
  private drained: (() => void)[] = [];
  accepting = true;

  constructor(entries: readonly ModelEntry[], private readonly options: CoreOptions) {
    this.entries = new Map(entries.map((e) => [e.name, e]));
    for (const e of entries) {
      if (!e.model) continue;
      this.pools.set(e.name, new WorkerPool(e.model.wasm, e.model.plan, e.model.instanceCount));
      this.stats.set(e.name, newStats());
    }
  }

  pool(name: string): WorkerPool | undefined {
    return this.pools.get(name);
  }

  /** The ready model `name` (and `version`, when given), or Triton's error. */
  model(name: string, version = ''): Model {
    const entry = this.entries.get(name);
    if (!entry) throw new InferError('INVALID_ARG', `Request for unknown model: '${name}' is not found`);
    if (!entry.model) throw new InferError('UNAVAILABLE', `Request for unknown model: '${name}' has no available versions`);
    if (version !== '' && version !== entry.model.version) {
      throw new InferError('INVALID_ARG', `Request for unknown model: '${name}' version ${version} is not found`);
    }
    return entry.model;
  }

  async infer(request: CoreRequest): Promise<CoreResponse> {
    if (!this.accepting) throw new InferError('UNAVAILABLE', 'Server is shutting down');
    const model = this.model(request.model, request.version);
    const stats = this.stats.get(model.name)!;
    const start = process.hrtime.bigint();
    this.inflight++;
    try {
      const response = await this.run(model, request, stats);
      const ns = Number(process.hrtime.bigint() - start);
      stats.success.count++;
      stats.success.ns += ns;
      stats.lastInference = Date.now();
      return response;
    } catch (error) {
      stats.fail.count++;
      stats.fail.ns += Number(process.hrtime.bigint() - start);
      throw error;
    } finally {
      if (--this.inflight === 0) for (const f of this.drained.splice(0)) f();
    }
  }

  private async run(model: Model, request: CoreRequest, stats: ModelStats): Promise<CoreResponse> {
    const m = model.name;
    const seen = new Map<string, RawInput>();
    for (const input of request.inputs) {
      if (input.datatype === 'BYTES') {
        // Walk the 4-byte length prefixes before anything else reads the data.
        try {
          splitBytes(input.raw, `input '${input.name}'`);
        } catch (e) {
          throw new InferError('INVALID_ARG', `${(e as Error).message} for model '${m}'`);
        }
      }
      if (!model.inputs.some((i) => i.name === input.name)) throw new InferError('INVALID_ARG', `unexpected inference input '${input.name}' for model '${m}'`);
      if (seen.has(input.name)) throw new InferError('INVALID_ARG', `input '${input.name}' is given more than once for model '${m}'`);
      seen.set(input.name, input);
    }
    const missing = model.inputs.filter((i) => !seen.has(i.name)).map((i) => `'${i.name}'`);
    if (missing.length > 0) {
      throw new InferError(
        'INVALID_ARG',
        `expected ${model.inputs.length} inputs but got ${request.inputs.length} inputs for model '${m}'. ` +
          `Got input(s) [${request.inputs.map((i) => `'${i.name}'`).join(', ')}], but missing required input(s) [${missing.join(', ')}]. Please provide all required input(s).`,
      );
    }
    let batch = -1;
    for (const spec of model.inputs) {
      const input = seen.get(spec.name)!;
      if (input.datatype !== spec.datatype) {
        throw new InferError('INVALID_ARG', `inference input '${spec.name}' data-type is '${input.datatype}', but model '${m}' expects '${spec.datatype}'`);
      }
      const expected = model.maxBatchSize > 0 ? [-1, ...spec.dims] : [...spec.dims];
      const shape = input.shape;
      const fits = shape.length === expected.length && shape.every((d, k) => Number.isSafeInteger(d) && d >= 0 && (expected[k] === -1 || expected[k] === d));
      if (!fits) throw new InferError('INVALID_ARG', `unexpected shape for input '${spec.name}' for model '${m}'. Expected ${shapeText(expected)}, got ${shapeText(shape)}`);
      if (model.maxBatchSize > 0) {
        if (batch >= 0 && shape[0] !== batch) {
          throw new InferError('INVALID_ARG', `input '${spec.name}' batch size ${shape[0]} does not match the batch size ${batch} of the other inputs for model '${m}'`);
        }
        batch = shape[0]!;
        if (batch > model.maxBatchSize) {
          throw new InferError('INVALID_ARG', `inference request batch-size must be <= ${model.maxBatchSize} for '${m}'`);
        }
      }
      const count = elementCount(shape);
      if (spec.datatype === 'BYTES') {
        let n: number;
        try {
          n = splitBytes(input.raw, `input '${spec.name}'`).length;
        } catch (e) {
          throw new InferError('INVALID_ARG', (e as Error).message);
        }
        if (n !== count) throw new InferError('INVALID_ARG', `expected ${count} string elements for inference input '${spec.name}' for model '${m}', got ${n}`);
      } else if (input.raw.length !== count * ELEMENT_SIZE[spec.datatype]) {
        throw new InferError(
          'INVALID_ARG',
          `input byte size mismatch for input '${spec.name}' for model '${m}'. Expected ${count * ELEMENT_SIZE[spec.datatype]}, got ${input.raw.length}`,
        );
      }
    }
    const wanted = request.outputs ?? model.outputs.map((o) => o.name);
    for (const name of wanted) {
      if (!model.outputs.some((o) => o.name === name)) throw new InferError('INVALID_ARG', `unexpected inference output '${name}' for model '${m}'`);
    }

    // Columns for the worker, one per parameter.
    const plan = model.plan;
    const first = seen.get(model.inputs[plan.inputIndex[0] ?? 0]!.name)!;
    const count = elementCount(first.shape);
    for (const spec of model.inputs) {
      if (elementCount(seen.get(spec.name)!.shape) !== count) {
        throw new InferError('INVALID_ARG', `every input of model '${m}' must have the same number of elements (one per call)`);
      }
    }
    const columns: JobMessage['columns'] = plan.params.map((type, k) => {
      const spec = model.inputs[plan.inputIndex[k]!]!;
      const raw = seen.get(spec.name)!.raw;
      if (type === 'bool') return Uint8Array.from(raw, (b) => (b !== 0 ? 1 : 0));
      if (type === 'float') {
        if (spec.datatype === 'FP64') return new Float64Array(new Uint8Array(raw).buffer);
        return Float64Array.from(decodeRaw(spec.datatype, raw) as number[]);
      }
      if (spec.datatype === 'INT64') return new BigInt64Array(new Uint8Array(raw).buffer);
      return BigInt64Array.from(decodeRaw(spec.datatype, raw), (v) => BigInt(v as number | bigint));
    });

    const pool = this.pools.get(m)!;
    const timeoutMs = model.timeoutMs ?? this.options.requestTimeoutMs;
    const computeStart = process.hrtime.bigint();
    let queueNs = 0;
    let answer;
    try {
      const done = await pool.run(columns, count, timeoutMs);
      answer = done.answer;
      stats.queue.count++;
      queueNs = done.queueNs;
      stats.queue.ns += queueNs;
    } catch (error) {
      // A limit or a dead worker is the backend's failure (INTERNAL), as in the Python backend.
      if (error instanceof TimeoutError) throw new InferError('INTERNAL', `WasmLimitExceeded: ${m}: ${error.message}`);
      throw new InferError('INTERNAL', `WasmTrap: ${m}: ${(error as Error).message}`);
    }
    const computeNs = Math.max(0, Number(process.hrtime.bigint() - computeStart) - queueNs);
    stats.computeInfer.count++;
    stats.computeInfer.ns += computeNs;
    stats.executionCount++;
    stats.inferenceCount += Math.max(1, batch);
    const b = stats.batches.get(Math.max(1, batch)) ?? { count: 0, ns: 0 };
    b.count++;
    b.ns += computeNs;
    stats.batches.set(Math.max(1, batch), b);
    if (!answer.ok) {
      // The Python exception the function raised is the caller's (INVALID_ARG, text `Type: message`
      // as CPython prints it); a trap is the backend's (INTERNAL).
      const code = answer.type === 'PortalisTrap' || answer.type === 'Error' ? 'INTERNAL' : 'INVALID_ARG';
      throw new InferError(code, `${answer.type}: ${answer.message}`);
    }

    const outputs: RawOutput[] = [];
    for (const spec of model.outputs) {
      if (!wanted.includes(spec.name)) continue;
      const result = answer.result;
      if (!result) throw new InferError('INTERNAL', `${plan.name}() returned None, which has no tensor for output '${spec.name}'`);
      let raw: Uint8Array;
      const natural = result instanceof BigInt64Array ? 'INT64' : result instanceof Float64Array ? 'FP64' : 'BOOL';
      try {
        if (spec.datatype === natural) raw = new Uint8Array(result.buffer, result.byteOffset, result.byteLength);
        else if (natural === 'BOOL') raw = encodeRaw(spec.datatype, Array.from(result as Uint8Array, (v) => v !== 0), `output '${spec.name}'`);
        else raw = encodeRaw(spec.datatype, Array.from(result as ArrayLike<number | bigint>), `output '${spec.name}'`);
      } catch (e) {
        if (e instanceof TensorError) throw new InferError('INTERNAL', e.message);
        throw e;
      }
      outputs.push({ name: spec.name, datatype: spec.datatype, shape: [...first.shape], raw });
    }
    return { model: m, version: model.version, id: request.id, outputs };
  }

  /** Resolves once no request is in flight. */
  drain(): Promise<void> {
    if (this.inflight === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
  }
}

export function checkDatatype(datatype: string, what: string): Datatype {
  if (!isDatatype(datatype)) throw new InferError('INVALID_ARG', `invalid datatype '${datatype}' for ${what}`);
  return datatype;
}
