/**
 * The inference server end to end, on a repository built from
 * tests/fixtures/triton/funcs.py by the real compiler: every RPC over gRPC and
 * HTTP (our TritonClient and plain fetch), malformed requests and their
 * statuses, the runaway-loop limit, metrics, statistics and
 * graceful shutdown.
 */
import * as grpc from '@grpc/grpc-js';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInferenceServer, TritonClient, TritonClientError, type InferenceServer } from '../../runtime/src/serve/index.js';
import { stringifyJson } from '../../runtime/src/serve/json.js';
import { buildRepository, SPIN_TIMEOUT_MS } from './repo-fixture.js';

let repo: string;
let server: InferenceServer;
let g: TritonClient;
let h: TritonClient;
let base: string;

const i64 = (...values: bigint[]) => {
  const b = new Uint8Array(8 * values.length);
  values.forEach((v, k) => new DataView(b.buffer).setBigInt64(8 * k, v, true));
  return b;
};

async function failure(promise: Promise<unknown>): Promise<TritonClientError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof TritonClientError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

async function post(path: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> | null; headers: Headers; body: Buffer }> {
  const res = await fetch(`${base}${path}`, { method: 'POST', body: body as BodyInit, headers: { 'content-type': 'application/json', ...headers } });
  const buf = Buffer.from(await res.arrayBuffer());
  let json: Record<string, unknown> | null = null;
  if ((res.headers.get('content-type') ?? '').includes('json')) json = JSON.parse(buf.toString('utf8'));
  return { status: res.status, json, headers: res.headers, body: buf };
}

beforeAll(async () => {
  repo = await buildRepository();
  // A model directory that cannot load: it must show as unavailable, not stop the others.
  await mkdir(join(repo, 'broken', '1'), { recursive: true });
  await writeFile(join(repo, 'broken', 'config.pbtxt'), 'name: "broken" max_batch_size: [');
  // A good config with a damaged module.
  await mkdir(join(repo, 'damaged', '1'), { recursive: true });
  await writeFile(join(repo, 'damaged', 'config.pbtxt'), await readFile(join(repo, 'add', 'config.pbtxt'), 'utf8').then((t) => t.replace('name: "add"', 'name: "damaged"')));
  await writeFile(join(repo, 'damaged', '1', 'portalis.json'), await readFile(join(repo, 'add', '1', 'portalis.json')));
  await writeFile(join(repo, 'damaged', '1', 'model.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 99]));
  server = await createInferenceServer({ repository: repo, maxMessageBytes: 1 << 20 });
  g = TritonClient.grpc(`127.0.0.1:${server.grpcPort}`);
  h = TritonClient.http(`http://127.0.0.1:${server.httpPort}`);
  base = `http://127.0.0.1:${server.httpPort}`;
});

afterAll(async () => {
  g?.close();
  await server?.close();
  if (repo) await rm(repo, { recursive: true, force: true });
});

describe.each(['grpc', 'http'] as const)('every RPC over %s', (transport) => {
  const c = () => (transport === 'grpc' ? g : h);

  it('health, metadata, config, index', async () => {
    expect(await c().isServerLive()).toBe(true);
    expect(await c().isServerReady()).toBe(true);
    expect(await c().isModelReady('add')).toBe(true);
    expect(await c().isModelReady('add', '1')).toBe(true);
    expect(await c().isModelReady('broken')).toBe(false);
    const meta = await c().serverMetadata();
    expect(meta.name).toBe('portalis');
    expect(meta.extensions).toEqual(expect.arrayContaining(['binary_tensor_data', 'statistics', 'model_configuration', 'model_repository']));
    expect(await c().modelMetadata('floordiv')).toEqual({
      name: 'floordiv',
      versions: ['1'],
      platform: 'portalis_wasm',
      inputs: [
        { name: 'a', datatype: 'INT64', shape: [-1, 1] },
        { name: 'b', datatype: 'INT64', shape: [-1, 1] },
      ],
      outputs: [{ name: 'OUTPUT0', datatype: 'INT64', shape: [-1, 1] }],
    });
    const config = await c().modelConfig('is_even');
    expect(config.name).toBe('is_even');
    expect(config.backend).toBe('portalis_wasm');
    expect(config.max_batch_size).toBe(8);
    expect(config.input[0].data_type).toBe(transport === 'grpc' ? 9 : 'TYPE_INT64');
    expect(config.output[0].data_type).toBe(transport === 'grpc' ? 1 : 'TYPE_BOOL');
    expect(config.instance_group[0].kind).toBe(transport === 'grpc' ? 2 : 'KIND_CPU');
    expect(config.parameters.timeout_ms.string_value).toBe('10000');
    const index = await c().repositoryIndex();
    expect(index.map((m) => [m.name, m.state])).toEqual([
      ['add', 'READY'], ['broken', 'UNAVAILABLE'], ['damaged', 'UNAVAILABLE'], ['fib', 'READY'], ['floordiv', 'READY'], ['is_even', 'READY'], ['log_ratio', 'READY'], ['spin', 'READY'],
    ]);
    expect(index.find((m) => m.name === 'broken')!.reason).toMatch(/\d+:\d+/);
    expect(index.find((m) => m.name === 'damaged')!.reason).toMatch(/^model\.wasm is not a valid WebAssembly module/);
    expect((await c().repositoryIndex(true)).map((m) => m.name)).not.toContain('broken');
  });

  it('infer with raw tensors in and out, batches, and the typed fn layer', async () => {
    const res = await c().infer(
      'floordiv',
      [
        { name: 'a', datatype: 'INT64', shape: [3, 1], data: [7n, -7n, 2n ** 62n] },
        { name: 'b', datatype: 'INT64', shape: [3, 1], data: i64(2n, 2n, 3n) },
      ],
      { id: 'req-1' },
    );
    expect(res.model_name).toBe('floordiv');
    expect(res.model_version).toBe('1');
    expect(res.id).toBe('req-1');
    expect(res.output('OUTPUT0')).toMatchObject({ datatype: 'INT64', shape: [3, 1], data: [3n, -4n, 2n ** 62n / 3n] });
    const add = c().fn<[number, number], number>('add');
    expect(await add(1, 2)).toBe(3);
    expect(await add(0.1, 0.2)).toBe(0.30000000000000004);
    expect(await c().fn<[number], number | bigint>('fib')(90)).toBe(2880067194370816120n);
    expect(await c().fn<[number], boolean>('is_even')(-4)).toBe(true);
    const e = await failure(c().fn('floordiv')(1, 0));
    expect(e.message).toBe('ZeroDivisionError: integer division or modulo by zero');
    expect(e.code).toBe(transport === 'grpc' ? grpc.status.INVALID_ARGUMENT : 400);
  });

  it('statistics count what ran', async () => {
    const before = (await c().modelStatistics('is_even')).model_stats[0];
    await c().infer('is_even', [{ name: 'n', datatype: 'INT64', shape: [4, 1], data: [1n, 2n, 3n, 4n] }]);
    const after = (await c().modelStatistics('is_even')).model_stats[0];
    expect(after.name).toBe('is_even');
    expect(after.version).toBe('1');
    expect(Number(after.inference_count) - Number(before.inference_count)).toBe(4);
    expect(Number(after.execution_count) - Number(before.execution_count)).toBe(1);
    expect(Number(after.inference_stats.success.count) - Number(before.inference_stats.success.count)).toBe(1);
    expect(Number(after.inference_stats.queue.count) - Number(before.inference_stats.queue.count)).toBe(1);
    expect(Number(after.inference_stats.compute_infer.count) - Number(before.inference_stats.compute_infer.count)).toBe(1);
    expect(Number(after.inference_stats.compute_infer.ns)).toBeGreaterThan(Number(before.inference_stats.compute_infer.ns));
    expect(after.batch_stats.find((b: { batch_size: number }) => Number(b.batch_size) === 4)).toBeDefined();
    expect(Number(after.last_inference)).toBeGreaterThan(Date.now() - 60_000);
    const all = await c().modelStatistics();
    expect(all.model_stats.map((s: { name: string }) => s.name).sort()).toEqual(['add', 'fib', 'floordiv', 'is_even', 'log_ratio', 'spin']);
  });
});

describe('a runaway loop', () => {
  it('fails by the time limit while concurrent good requests succeed, and the model keeps serving', async () => {
    const start = Date.now();
    const runaway = failure(g.fn('spin')(-1));
    await new Promise((r) => setTimeout(r, 100));
    const goodStart = Date.now();
    expect(await h.fn('add')(2, 3)).toBe(5);
    expect(await g.fn('spin')(7)).toBe(7); // spin has two instances; one is looping
    expect(Date.now() - goodStart).toBeLessThan(SPIN_TIMEOUT_MS);
    const e1 = await runaway;
    expect(e1.code).toBe(grpc.status.INTERNAL);
    expect(e1.message).toBe(`WasmLimitExceeded: spin: inference exceeded the time limit of ${SPIN_TIMEOUT_MS} ms`);
    expect(Date.now() - start).toBeGreaterThanOrEqual(SPIN_TIMEOUT_MS - 50);
    expect(server.core.pool('spin')!.replaced).toBeGreaterThanOrEqual(1);
    const e2 = await failure(h.fn('spin')(-2));
    expect([e2.code, e2.message]).toEqual([500, e1.message]);
    expect(await g.fn('spin')(5)).toBe(5);
    expect(await h.fn('spin')(6)).toBe(6);
  });
});

describe('malformed requests get Triton statuses and messages', () => {
  const add = (a: unknown, b: unknown = [1]) => [
    { name: 'a', datatype: 'FP64' as const, shape: [1, 1], data: a as number[] },
    { name: 'b', datatype: 'FP64' as const, shape: [1, 1], data: b as number[] },
  ];
  const cases: [string, () => Parameters<TritonClient['infer']>, string | RegExp][] = [
    ['unknown model', () => ['nope', add([1])], "Request for unknown model: 'nope' is not found"],
    ['unknown version', () => ['add', add([1]), { version: '7' }], "Request for unknown model: 'add' version 7 is not found"],
    ['wrong datatype', () => ['add', [{ name: 'a', datatype: 'FP32', shape: [1, 1], data: [1] }, add([1])[1]!]], "inference input 'a' data-type is 'FP32', but model 'add' expects 'FP64'"],
    ['shape mismatch', () => ['add', [{ name: 'a', datatype: 'FP64', shape: [1], data: [1] }, add([1])[1]!]], "unexpected shape for input 'a' for model 'add'. Expected [-1,1], got [1]"],
    ['negative dim', () => ['add', [{ name: 'a', datatype: 'FP64', shape: [-1, 1], data: [1] }, add([1])[1]!]], "unexpected shape for input 'a' for model 'add'. Expected [-1,1], got [-1,1]"],
    ['missing input', () => ['add', [add([1])[0]!]], "expected 2 inputs but got 1 inputs for model 'add'. Got input(s) ['a'], but missing required input(s) ['b']. Please provide all required input(s)."],
    ['unexpected input', () => ['add', [...add([1]), { name: 'c', datatype: 'FP64', shape: [1, 1], data: [1] }]], "unexpected inference input 'c' for model 'add'"],
    ['truncated raw bytes', () => ['add', [{ name: 'a', datatype: 'FP64', shape: [1, 1], data: new Uint8Array(5) }, add([1])[1]!]], "input byte size mismatch for input 'a' for model 'add'. Expected 8, got 5"],
    ['bad BYTES length prefix', () => ['add', [{ name: 'a', datatype: 'BYTES', shape: [1, 1], data: new Uint8Array([9, 0, 0, 0, 104, 105]) }, add([1])[1]!]], /^input 'a': element byte size indicator exceeds the end of the buffer/],
    ['batch too large', () => ['add', [{ name: 'a', datatype: 'FP64', shape: [9, 1], data: new Array(9).fill(1) }, { name: 'b', datatype: 'FP64', shape: [9, 1], data: new Array(9).fill(1) }]], "inference request batch-size must be <= 8 for 'add'"],
    ['unknown output', () => ['add', add([1]), { outputs: ['OUTPUT9'] }], "unexpected inference output 'OUTPUT9' for model 'add'"],
  ];
  it.each(cases)('%s (gRPC INVALID_ARGUMENT, HTTP 400)', async (_what, args, message) => {
    for (const c of [g, h]) {
      const e = await failure(c.infer(...args()));
      expect(e.message).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
      expect(e.code).toBe(c === g ? grpc.status.INVALID_ARGUMENT : 400);
    }
  });

  it('a model that did not load is UNAVAILABLE', async () => {
    expect((await failure(g.fn('broken')(1))).code).toBe(grpc.status.UNAVAILABLE);
    expect((await failure(h.fn('broken')(1))).code).toBe(503);
  });

  it('gRPC: typed contents, mixing raw and typed, raw count, undecodable and oversized messages', async () => {
    const client = new grpc.Client(`127.0.0.1:${server.grpcPort}`, grpc.credentials.createInsecure());
    const { encode } = await import('../../runtime/src/serve/wire/codec.js');
    const M = await import('../../runtime/src/serve/wire/messages.js');
    const raw = (bytes: Uint8Array) =>
      new Promise<{ error: grpc.ServiceError | null; value: Buffer | undefined }>((resolve) =>
        client.makeUnaryRequest('/inference.GRPCInferenceService/ModelInfer', (x: Buffer) => x, (x: Buffer) => x, Buffer.from(bytes), (error, value) => resolve({ error, value: value as Buffer | undefined })),
      );
    const typed = { model_name: 'floordiv', inputs: [{ name: 'a', datatype: 'INT64', shape: [2, 1], contents: { int64_contents: [-7n, 9n] } }, { name: 'b', datatype: 'INT64', shape: [2, 1], contents: { int64_contents: [2n, -4n] } }] };
    const ok = await raw(encode(M.ModelInferRequest, typed));
    expect(ok.error).toBeNull();
    const { decode } = await import('../../runtime/src/serve/wire/codec.js');
    const res = decode(M.ModelInferResponse, ok.value!);
    expect(res.outputs[0]).toMatchObject({ name: 'OUTPUT0', datatype: 'INT64', shape: [2, 1] });
    expect(Buffer.from(res.raw_output_contents[0]).equals(Buffer.from(i64(-4n, -3n)))).toBe(true);
    const mixed = await raw(encode(M.ModelInferRequest, { ...typed, raw_input_contents: [i64(1n, 2n), i64(1n, 2n)] }));
    expect([mixed.error?.code, mixed.error?.details]).toEqual([grpc.status.INVALID_ARGUMENT, "contents field must not be specified when using raw_input_contents for 'a' for model 'floordiv'"]);
    const count = await raw(encode(M.ModelInferRequest, { model_name: 'floordiv', inputs: typed.inputs.map((t) => ({ ...t, contents: undefined })), raw_input_contents: [i64(1n, 2n)] }));
    expect(count.error?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(count.error?.details).toMatch(/expected 2 raw input contents/);
    const wrongField = await raw(encode(M.ModelInferRequest, { model_name: 'floordiv', inputs: [{ ...typed.inputs[0], contents: { fp64_contents: [1, 2] } }, typed.inputs[1]] }));
    expect(wrongField.error?.details).toBe("input 'a': expected int64_contents for datatype INT64, got fp64_contents");
    const garbage = await raw(new Uint8Array([0x0a, 0x7f, 0x61]));
    expect(garbage.error?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(garbage.error?.details).toMatch(/^failed to parse the request: /);
    const huge = await raw(encode(M.ModelInferRequest, { model_name: 'add', raw_input_contents: [new Uint8Array(2 << 20)] }));
    expect(huge.error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    client.close();
    expect(await g.isServerLive()).toBe(true);
  });

  it('HTTP: plain JSON, binary extension, raw binary request, bad JSON, methods, paths, oversized bodies', async () => {
    const json = await post('/v2/models/is_even/infer', '{"id":"x","inputs":[{"name":"n","datatype":"INT64","shape":[2,1],"data":[[9223372036854775807],[-4]]}]}');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(json.json).toEqual({ model_name: 'is_even', model_version: '1', id: 'x', outputs: [{ name: 'OUTPUT0', datatype: 'BOOL', shape: [2, 1], data: [false, true] }] });

    const header = Buffer.from(JSON.stringify({
      inputs: [{ name: 'a', datatype: 'INT64', shape: [1, 1], parameters: { binary_data_size: 8 } }, { name: 'b', datatype: 'INT64', shape: [1, 1], data: [3] }],
      outputs: [{ name: 'OUTPUT0', parameters: { binary_data: true } }],
    }));
    const bin = await post('/v2/models/floordiv/infer', Buffer.concat([header, i64(-10n)]), { 'inference-header-content-length': String(header.length), 'content-type': 'application/octet-stream' });
    expect(bin.status).toBe(200);
    expect(bin.headers.get('content-type')).toBe('application/octet-stream');
    const n = Number(bin.headers.get('inference-header-content-length'));
    expect(JSON.parse(bin.body.subarray(0, n).toString())).toEqual({ model_name: 'floordiv', model_version: '1', outputs: [{ name: 'OUTPUT0', datatype: 'INT64', shape: [1, 1], parameters: { binary_data_size: 8 } }] });
    expect(bin.body.subarray(n).equals(Buffer.from(i64(-4n)))).toBe(true);

    const rawReq = await post('/v2/models/fib/infer', i64(10n), { 'inference-header-content-length': '0', 'content-type': 'application/octet-stream' });
    expect(rawReq.status).toBe(200);
    expect(rawReq.body.subarray(Number(rawReq.headers.get('inference-header-content-length'))).equals(Buffer.from(i64(55n)))).toBe(true);

    const statusOf = async (p: Promise<{ status: number; json: Record<string, unknown> | null }>) => {
      const r = await p;
      return [r.status, r.json?.error];
    };
    expect(await statusOf(post('/v2/models/add/infer', '{"inputs": [}'))).toEqual([400, expect.stringContaining('failed to parse the request JSON buffer:')]);
    expect(await statusOf(post('/v2/models/add/infer', '[]'))).toEqual([400, expect.stringContaining('the request JSON must be an object')]);
    expect(await statusOf(post('/v2/models/add/infer', '{"inputs":[{"name":"a","datatype":"FP64","shape":[1,1],"parameters":{"binary_data_size":8}}]}', { 'inference-header-content-length': '200' }))).toEqual([
      400, expect.stringContaining('Inference-Header-Content-Length 200 exc'),
    ]);
    const overrun = '{"inputs":[{"name":"a","datatype":"FP64","shape":[1,1],"parameters":{"binary_data_size":8}}]}';
    expect(await statusOf(post('/v2/models/add/infer', Buffer.concat([Buffer.from(overrun), Buffer.alloc(3)]), { 'inference-header-content-length': String(overrun.length) }))).toEqual([
      400, expect.stringContaining("unexpected end of binary data for input '"),
    ]);
    expect(await statusOf(post('/v2/models/add/infer', '{"inputs":[{"name":"a","datatype":"FP64","shape":[1,1],"data":["x"]}]}'))).toEqual([400, expect.stringContaining("input 'a': element 0 (\"x\") is not a valid")]);
    expect(await statusOf(post('/v2/models/add/infer', '{"inputs":[{"name":"a","datatype":"FP99","shape":[1,1],"data":[1]}]}'))).toEqual([400, expect.stringContaining("invalid datatype 'FP99' for input 'a'")]);
    expect((await fetch(`${base}/v2/models/add/infer`)).status).toBe(405);
    expect((await fetch(`${base}/v2/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/v2/models/nope/ready`)).status).toBe(400);
    expect(await (await fetch(`${base}/v2/health/live`)).text()).toBe('');
    expect((await post('/v2/models/add/infer', Buffer.alloc(2 << 20))).status).toBe(413);
    expect(await h.isServerLive()).toBe(true);
  });
});

describe('metrics', () => {
  it('serves Prometheus text with per-model success and failure counts', async () => {
    await h.fn('add')(1, 1);
    await failure(h.fn('floordiv')(1, 0));
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const metric = (name: string, model: string) => Number(new RegExp(`^${name}\\{model="${model}",version="1"\\} (\\d+)$`, 'm').exec(text)?.[1]);
    expect(text).toContain('# TYPE nv_inference_request_success counter');
    expect(metric('nv_inference_request_success', 'add')).toBeGreaterThanOrEqual(1);
    expect(metric('nv_inference_request_failure', 'floordiv')).toBeGreaterThanOrEqual(1);
    expect(metric('nv_inference_count', 'add')).toBeGreaterThanOrEqual(1);
    expect(metric('nv_inference_request_duration_us', 'add')).toBeGreaterThan(0);
    expect(text).toMatch(/^nv_inference_queue_duration_us\{model="add",version="1"\} \d+$/m);
  });
});

describe('graceful shutdown', () => {
  it('answers the in-flight request, then stops listening', async () => {
    const local = await createInferenceServer({ repository: repo, requestTimeoutMs: 500 });
    const client = TritonClient.http(`http://127.0.0.1:${local.httpPort}`);
    const gc = TritonClient.grpc(`127.0.0.1:${local.grpcPort}`);
    expect(await gc.fn('add')(1, 1)).toBe(2);
    const inflight = client.fn('spin')(-1).then(() => 'ok', (e: TritonClientError) => `${e.code} ${e.message}`);
    await new Promise((r) => setTimeout(r, 100));
    await local.close();
    expect(await inflight).toMatch(/^500 WasmLimitExceeded: spin:/);
    await expect(fetch(`http://127.0.0.1:${local.httpPort}/v2/health/live`)).rejects.toThrow();
    gc.close();
  });
});
