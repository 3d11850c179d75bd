/**
 * A bounded, seeded fuzz of both fronts: random bytes, mutated valid
 * ModelInferRequest encodings, random well-formed messages with odd
 * datatypes/shapes/contents, and mutated HTTP JSON and binary bodies with odd
 * Inference-Header-Content-Length values. Every request must get an answer
 * with an expected status (never a crash, a hang, INTERNAL or a 500), and the
 * server must still answer correctly afterwards.
 */
import * as grpc from '@grpc/grpc-js';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInferenceServer, TritonClient, type InferenceServer } from '../../runtime/src/serve/index.js';
import { encode } from '../../runtime/src/serve/wire/codec.js';
import * as M from '../../runtime/src/serve/wire/messages.js';
import { buildRepository } from './repo-fixture.js';

const SEED = 0x5eed;
const BUDGET_MS = 10_000;
const MAX_REQUESTS = 4_000;

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  return { next, int, pick, bytes };
}

let repo: string;
let server: InferenceServer;

beforeAll(async () => {
  repo = await buildRepository();
  // No runaway model here: fuzzed requests must not sit on a time limit.
  await rm(join(repo, 'spin'), { recursive: true, force: true });
  server = await createInferenceServer({ repository: repo, maxMessageBytes: 256 * 1024 });
});

afterAll(async () => {
  await server?.close();
  if (repo) await rm(repo, { recursive: true, force: true });
});

describe('fuzz', () => {
  it(`survives up to ${MAX_REQUESTS} random and mutated requests (seed ${SEED}) and still answers correctly`, async () => {
    const r = prng(SEED);
    const client = new grpc.Client(`127.0.0.1:${server.grpcPort}`, grpc.credentials.createInsecure(), { 'grpc.max_send_message_length': -1 });
    const base = `http://127.0.0.1:${server.httpPort}`;
    const models = ['add', 'fib', 'floordiv', 'is_even', 'log_ratio', 'nope', ''];
    const datatypes = ['INT64', 'FP64', 'BOOL', 'BYTES', 'FP32', 'INT8', 'UINT64', 'FP16', 'bogus', ''];
    const names = ['a', 'b', 'n', 'x', ''];
    const shape = () => Array.from({ length: r.int(4) }, () => r.pick([0, 1, 1, 2, 8, 9, -1, 2 ** 31, 2 ** 40]));
    const contents = () => r.pick([
      { int64_contents: [BigInt(r.int(1000)) - 500n, -(2n ** 63n)] },
      { fp64_contents: [r.next(), NaN, -0] },
      { bool_contents: [true, false] },
      { bytes_contents: [r.bytes(3)] },
      { int_contents: [1, -2] },
      {},
    ]);
    const validRequest = () =>
      encode(M.ModelInferRequest, {
        model_name: r.pick(models),
        model_version: r.pick(['', '', '1', '2', 'x']),
        id: r.pick(['', 'id']),
        inputs: Array.from({ length: r.int(4) }, () => ({ name: r.pick(names), datatype: r.pick(datatypes), shape: shape(), ...(r.next() < 0.5 ? { contents: contents() } : {}) })),
        outputs: r.next() < 0.3 ? [{ name: r.pick(['OUTPUT0', 'nope']) }] : [],
        raw_input_contents: r.next() < 0.5 ? Array.from({ length: r.int(3) }, () => r.bytes(r.pick([0, 1, 8, 16, 64, 7]))) : [],
        parameters: r.next() < 0.2 ? { k: { int64_param: 3n } } : {},
      });
    const mutate = (b: Uint8Array) => {
      const out = Array.from(b);
      for (let k = 0, n = 1 + r.int(4); k < n && out.length > 0; k++) {
        const at = r.int(out.length);
        const op = r.int(4);
        if (op === 0) out[at] = r.int(256);
        else if (op === 1) out.splice(at, 1);
        else if (op === 2) out.splice(at, 0, r.int(256));
        else out.length = at;
      }
      return Uint8Array.from(out);
    };
    const grpcCall = (bytes: Uint8Array) =>
      new Promise<number>((resolve) =>
        client.makeUnaryRequest('/inference.GRPCInferenceService/' + r.pick(['ModelInfer', 'ModelInfer', 'ModelInfer', 'ModelMetadata', 'ModelConfig', 'ModelReady', 'ModelStatistics', 'RepositoryIndex']), (x: Buffer) => x, (x: Buffer) => x, Buffer.from(bytes), { deadline: Date.now() + 10_000 }, (error) =>
          resolve(error ? error.code : grpc.status.OK),
        ),
      );
    const goodJson = () =>
      JSON.stringify({
        inputs: [
          { name: 'a', datatype: 'FP64', shape: [2, 1], data: [1.5, -2] },
          { name: 'b', datatype: 'FP64', shape: [2, 1], parameters: { binary_data_size: 16 } },
        ],
        outputs: [{ name: 'OUTPUT0', parameters: { binary_data: r.next() < 0.5 } }],
      });
    const httpCall = async () => {
      const json = Buffer.from(r.next() < 0.7 ? mutate(Buffer.from(goodJson())) : Buffer.from(goodJson()));
      const body = Buffer.concat([json, r.bytes(r.pick([16, 16, 0, 3, 40]))]);
      const header = r.pick([String(json.length), String(json.length), '0', '-1', 'abc', String(body.length + 5), undefined]);
      const method = r.pick(['POST', 'POST', 'POST', 'GET']);
      const path = `/v2/models/${r.pick(models)}${r.pick(['/infer', '/infer', '/infer', '/versions/1/infer', '/versions/9/infer', '/ready', '/config', '/stats', ''])}`;
      const res = await fetch(`${base}${path}`, {
        method,
        body: method === 'POST' ? (body as BodyInit) : undefined,
        headers: header === undefined ? {} : { 'inference-header-content-length': header },
      });
      await res.arrayBuffer();
      return [res.status];
    };

    const grpcCodes = new Map<number, number>();
    const httpCodes = new Map<number, number>();
    const deadline = Date.now() + BUDGET_MS;
    let sent = 0;
    const worker = async () => {
      while (sent < MAX_REQUESTS && Date.now() < deadline) {
        sent++;
        const kind = r.int(4);
        if (kind === 3) {
          for (const s of await httpCall()) httpCodes.set(s, (httpCodes.get(s) ?? 0) + 1);
        } else {
          const bytes = kind === 0 ? r.bytes(r.int(64)) : kind === 1 ? mutate(validRequest()) : validRequest();
          const code = await grpcCall(bytes);
          grpcCodes.set(code, (grpcCodes.get(code) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    client.close();

    console.log(`fuzz: ${sent} requests; gRPC codes ${JSON.stringify([...grpcCodes])}; HTTP statuses ${JSON.stringify([...httpCodes])}`);
    expect(sent).toBeGreaterThan(500);
    const allowedGrpc = [grpc.status.OK, grpc.status.INVALID_ARGUMENT, grpc.status.UNIMPLEMENTED, grpc.status.RESOURCE_EXHAUSTED];
    expect([...grpcCodes.keys()].filter((c) => !allowedGrpc.includes(c)), JSON.stringify([...grpcCodes])).toEqual([]);
    expect(grpcCodes.get(grpc.status.INVALID_ARGUMENT)).toBeGreaterThan(100);
    expect([...httpCodes.keys()].filter((c) => ![200, 400, 404, 405, 413].includes(c)), JSON.stringify([...httpCodes])).toEqual([]);

    const g = TritonClient.grpc(`127.0.0.1:${server.grpcPort}`);
    const h = TritonClient.http(base);
    expect(await g.fn('add')(1, 2)).toBe(3);
    expect(await h.fn('fib')(90)).toBe(2880067194370816120n);
    expect(await h.isServerLive()).toBe(true);
    g.close();
  });
});
