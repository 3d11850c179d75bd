/**
 * `TritonClient`: a KServe v2 client over gRPC or HTTP, for Triton and for
 * our own server. Inputs go out as raw bytes (gRPC raw_input_contents, HTTP
 * binary tensor extension), outputs come back raw and are decoded with their
 * datatype and shape. `fn` wraps a served function so it reads like a local
 * one:
 *
 *     const client = TritonClient.grpc('127.0.0.1:8001');
 *     const add = client.fn<[number, number], number>('add');
 *     await add(1, 2); // 3
 */
import * as grpc from '@grpc/grpc-js';
import { serviceDefinition } from './grpc.js';
import { parseJson, stringifyJson } from './json.js';
import { decodeRaw, elementCount, encodeRaw, flattenJson, type Datatype, type Element } from './tensor.js';
import type { Msg } from './wire/codec.js';

export interface InputTensor {
  readonly name: string;
  readonly datatype: Datatype;
  readonly shape: readonly number[];
  /** Elements (row-major) or the raw little-endian bytes. */
  readonly data: readonly unknown[] | Uint8Array;
}

export interface OutputTensor {
  readonly name: string;
  readonly datatype: Datatype;
  readonly shape: number[];
  readonly raw: Uint8Array;
  /** Decoded elements: bigint for 64-bit ints, number, boolean, Uint8Array for BYTES. */
  readonly data: Element[];
}

export interface InferResult {
  readonly model_name: string;
  readonly model_version: string;
  readonly id: string;
  readonly outputs: OutputTensor[];
  output(name: string): OutputTensor | undefined;
}

export interface InferOptions {
  readonly version?: string;
  readonly id?: string;
  readonly outputs?: readonly string[];
}

/** A failed call: `code` is the gRPC status code or the HTTP status. */
export class TritonClientError extends Error {
  constructor(readonly transport: 'grpc' | 'http', readonly code: number, message: string) {
    super(message);
    this.name = 'TritonClientError';
  }
}

interface Transport {
  call(rpc: string, request: Msg): Promise<Msg>;
  close(): void;
}

const GrpcClient = grpc.makeGenericClientConstructor(serviceDefinition(false), 'GRPCInferenceService');

function grpcTransport(address: string, timeoutMs: number): Transport {
  const client = new GrpcClient(address, grpc.credentials.createInsecure(), {
    'grpc.max_receive_message_length': -1,
    'grpc.max_send_message_length': -1,
  }) as unknown as Record<string, (req: Msg, meta: grpc.Metadata, opts: grpc.CallOptions, cb: (e: grpc.ServiceError | null, r: Msg) => void) => void> & grpc.Client;
  return {
    call: (rpc, request) =>
      new Promise((resolve, reject) => {
        client[rpc]!.call(client, request, new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, (error, response) => {
          if (error) reject(new TritonClientError('grpc', error.code, error.details || error.message));
          else resolve(response);
        });
      }),
    close: () => client.close(),
  };
}

const toRaw = (t: InputTensor) => (t.data instanceof Uint8Array ? t.data : encodeRaw(t.datatype, t.data as unknown[], `input '${t.name}'`));

function result(msg: Msg, outputs: OutputTensor[]): InferResult {
  return { model_name: msg.model_name, model_version: msg.model_version ?? '', id: msg.id ?? '', outputs, output: (name) => outputs.find((o) => o.name === name) };
}

export class TritonClient {
  private readonly metadataCache = new Map<string, Promise<Msg>>();

  private constructor(readonly transport: 'grpc' | 'http', private readonly rpc: Transport | null, private readonly baseUrl: string, private readonly timeoutMs: number) {}

  /** A gRPC client for `host:port`. */
  static grpc(address: string, options: { timeoutMs?: number } = {}): TritonClient {
    const timeoutMs = options.timeoutMs ?? 30_000;
    return new TritonClient('grpc', grpcTransport(address, timeoutMs), '', timeoutMs);
  }

  /** An HTTP client for a base URL such as `http://127.0.0.1:8000`. */
  static http(baseUrl: string, options: { timeoutMs?: number } = {}): TritonClient {
    return new TritonClient('http', null, baseUrl.replace(/\/+$/, ''), options.timeoutMs ?? 30_000);
  }

  close(): void {
    this.rpc?.close();
  }

  private async fetch(method: string, path: string, body?: Uint8Array | string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { method, body: body as BodyInit | undefined, headers, signal: AbortSignal.timeout(this.timeoutMs) });
  }

  private async json(method: string, path: string, body?: unknown): Promise<Msg> {
    const response = await this.fetch(method, path, body === undefined ? undefined : stringifyJson(body), body === undefined ? {} : { 'content-type': 'application/json' });
    const text = await response.text();
    const parsed = text ? (parseJson(text) as Msg) : {};
    if (!response.ok) throw new TritonClientError('http', response.status, typeof parsed.error === 'string' ? parsed.error : `HTTP ${response.status}`);
    return parsed;
  }

  private static modelPath(name: string, version = ''): string {
    return `/v2/models/${encodeURIComponent(name)}${version ? `/versions/${version}` : ''}`;
  }

  async isServerLive(): Promise<boolean> {
    if (this.rpc) return (await this.rpc.call('ServerLive', {})).live as boolean;
    return (await this.fetch('GET', '/v2/health/live')).status === 200;
  }

  async isServerReady(): Promise<boolean> {
    if (this.rpc) return (await this.rpc.call('ServerReady', {})).ready as boolean;
    return (await this.fetch('GET', '/v2/health/ready')).status === 200;
  }

  async isModelReady(name: string, version = ''): Promise<boolean> {
    if (this.rpc) return (await this.rpc.call('ModelReady', { name, version })).ready as boolean;
    return (await this.fetch('GET', `${TritonClient.modelPath(name, version)}/ready`)).status === 200;
  }

  async serverMetadata(): Promise<{ name: string; version: string; extensions: string[] }> {
    return (this.rpc ? this.rpc.call('ServerMetadata', {}) : this.json('GET', '/v2')) as never;
  }

  async modelMetadata(name: string, version = ''): Promise<Msg> {
    return this.rpc ? this.rpc.call('ModelMetadata', { name, version }) : this.json('GET', TritonClient.modelPath(name, version));
  }

  /** The model config: the ModelConfig message (gRPC, enums as numbers) or Triton's JSON form (HTTP, enums as names). */
  async modelConfig(name: string, version = ''): Promise<Msg> {
    if (this.rpc) return (await this.rpc.call('ModelConfig', { name, version })).config as Msg;
    return this.json('GET', `${TritonClient.modelPath(name, version)}/config`);
  }

  async modelStatistics(name = '', version = ''): Promise<Msg> {
    if (this.rpc) return this.rpc.call('ModelStatistics', { name, version });
    return this.json('GET', name ? `${TritonClient.modelPath(name, version)}/stats` : '/v2/models/stats');
  }

  async repositoryIndex(readyOnly = false): Promise<Msg[]> {
    if (this.rpc) return (await this.rpc.call('RepositoryIndex', { repository_name: '', ready: readyOnly })).models as Msg[];
    return this.json('POST', '/v2/repository/index', { ready: readyOnly }) as unknown as Msg[];
  }

  async infer(model: string, inputs: readonly InputTensor[], options: InferOptions = {}): Promise<InferResult> {
    const raws = inputs.map(toRaw);
    if (this.rpc) {
      const response = await this.rpc.call('ModelInfer', {
        model_name: model,
        model_version: options.version ?? '',
        id: options.id ?? '',
        inputs: inputs.map((t) => ({ name: t.name, datatype: t.datatype, shape: [...t.shape] })),
        outputs: (options.outputs ?? []).map((name) => ({ name })),
        raw_input_contents: raws,
      });
      const outs = response.outputs as Msg[];
      const rawOut = response.raw_output_contents as Uint8Array[];
      return result(
        response,
        outs.map((o, k) => {
          const raw = rawOut[k] ?? encodeTyped(o);
          return { name: o.name, datatype: o.datatype, shape: o.shape, raw, data: decodeRaw(o.datatype, raw) };
        }),
      );
    }
    const header: Msg = {
      inputs: inputs.map((t, k) => ({ name: t.name, datatype: t.datatype, shape: [...t.shape], parameters: { binary_data_size: raws[k]!.length } })),
      parameters: { binary_data_output: true },
    };
    if (options.id) header.id = options.id;
    if (options.outputs) header.outputs = options.outputs.map((name) => ({ name, parameters: { binary_data: true } }));
    const head = Buffer.from(stringifyJson(header));
    const response = await this.fetch('POST', `${TritonClient.modelPath(model, options.version)}/infer`, Buffer.concat([head, ...raws]), {
      'content-type': 'application/octet-stream',
      'inference-header-content-length': String(head.length),
    });
    const body = Buffer.from(await response.arrayBuffer());
    const headerLength = response.headers.get('inference-header-content-length');
    const jsonLength = headerLength === null ? body.length : Number(headerLength);
    const msg = parseJson(body.subarray(0, jsonLength).toString('utf8')) as Msg;
    if (!response.ok) throw new TritonClientError('http', response.status, typeof msg.error === 'string' ? msg.error : `HTTP ${response.status}`);
    let offset = jsonLength;
    const outputs = (msg.outputs as Msg[]).map((o) => {
      let raw: Uint8Array;
      const size = o.parameters?.binary_data_size;
      if (typeof size === 'number') {
        raw = body.subarray(offset, offset + size);
        offset += size;
      } else raw = encodeRaw(o.datatype, flattenJson(o.data), `output '${o.name}'`);
      return { name: o.name as string, datatype: o.datatype as Datatype, shape: o.shape as number[], raw, data: decodeRaw(o.datatype, raw) };
    });
    return result(msg, outputs);
  }

  /**
   * A served function as an async JS function: each argument becomes a
   * one-element input (shape [1, 1] for batching models), the first output
   * comes back as a number, boolean or — for ints beyond 2^53 — a bigint.
   */
  fn<A extends unknown[], R>(model: string, options: { version?: string } = {}): (...args: A) => Promise<R> {
    return async (...args: A): Promise<R> => {
      const key = `${model}\n${options.version ?? ''}`;
      let meta = this.metadataCache.get(key);
      if (!meta) {
        meta = this.modelMetadata(model, options.version);
        this.metadataCache.set(key, meta);
        meta.catch(() => this.metadataCache.delete(key));
      }
      const m = await meta;
      const specs = m.inputs as Msg[];
      if (args.length !== specs.length) throw new TypeError(`${model}() takes ${specs.length} arguments (${args.length} given)`);
      const inputs = specs.map((s, k) => {
        const shape = (s.shape as number[]).map((d) => (d < 0 ? 1 : d));
        const n = elementCount(shape);
        return { name: s.name as string, datatype: s.datatype as Datatype, shape, data: new Array(n).fill(args[k]) };
      });
      const res = await this.infer(model, inputs, { version: options.version });
      const value = res.outputs[0]?.data[0];
      if (typeof value === 'bigint' && Number.isSafeInteger(Number(value))) return Number(value) as R;
      return value as R;
    };
  }
}

function encodeTyped(o: Msg): Uint8Array {
  const c = (o.contents ?? {}) as Msg;
  const values = Object.values(c).find((a) => Array.isArray(a) && a.length > 0) as unknown[] | undefined;
  return encodeRaw(o.datatype, values ?? [], `output '${o.name}'`);
}
