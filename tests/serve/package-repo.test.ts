/**
 * The shared case table (tests/fixtures/triton/cases.json: inputs and
 * CPython's answers, also run through the Python Triton backend by
 * triton-backend/tests) against the repository that `portalis package
 * --target triton` writes, served by our server over gRPC (raw tensors via
 * TritonClient) and HTTP (hand-written JSON with exact 64-bit ints).
 */
import * as grpc from '@grpc/grpc-js';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as packageRun } from '../../actors/src/cli/package-command.js';
import { createInferenceServer, TritonClient, TritonClientError, type InferenceServer } from '../../runtime/src/serve/index.js';
import { stringifyJson } from '../../runtime/src/serve/json.js';
import { FUNCS_PY } from './repo-fixture.js';

const CASES_FILE = fileURLToPath(new URL('../fixtures/triton/cases.json', import.meta.url));
const TIMEOUT_MS = 1000;

let dir: string;
let server: InferenceServer;
let g: TritonClient;
let base: string;

async function failure(promise: Promise<unknown>): Promise<TritonClientError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof TritonClientError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

async function post(path: string, body: string) {
  const res = await fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, json: JSON.parse(buf.toString('utf8')) as Record<string, unknown>, body: buf };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portalis-serve-pkg-'));
  let log = '';
  const io = { stdout: (t: string) => void (log += t), stderr: (t: string) => void (log += t) };
  const status = await packageRun([FUNCS_PY, '--target', 'triton', '-o', join(dir, 'repo'), '--timeout-ms', String(TIMEOUT_MS), '--instances', '2', '--dynamic-batching'], io);
  if (status !== 0) throw new Error(`portalis package --target triton failed (${status}): ${log}`);
  server = await createInferenceServer({ repository: join(dir, 'repo') });
  g = TritonClient.grpc(`127.0.0.1:${server.grpcPort}`);
  base = `http://127.0.0.1:${server.httpPort}`;
});

afterAll(async () => {
  g?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('loads every model of the packaged repository', () => {
  expect(server.models.map((m) => [m.name, m.reason, m.model?.instanceCount, m.model?.timeoutMs])).toEqual(
    ['add', 'fib', 'floordiv', 'is_even', 'log_ratio', 'spin'].map((name) => [name, '', 2, TIMEOUT_MS]),
  );
});

describe('the shared case table (CPython answers)', () => {
  const table = existsSync(CASES_FILE) ? JSON.parse(readFileSync(CASES_FILE, 'utf8')) : null;
  type Case = { id: string; model: string; inputs: { name: string; datatype: string; shape: number[]; data: unknown[] }[]; output?: { name: string; datatype: string; shape: number[]; data: unknown[] }; error?: { text: string; code: string }; runaway?: boolean };
  const cases: Case[] = table?.cases ?? [];
  const value = (datatype: string, v: unknown) => (datatype === 'INT64' ? BigInt(v as string) : v);
  const same = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)) : a === b);

  it.skipIf(!table)('has cases (tests/fixtures/triton/cases.json)', () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  it.each(cases.filter((x) => !x.runaway).map((x) => [x.id, x] as const))('%s over gRPC and over HTTP JSON', async (_id, tc) => {
    // gRPC, raw tensors through our client.
    const inputs = tc.inputs.map((t) => ({ name: t.name, datatype: t.datatype as 'INT64', shape: t.shape, data: t.data.map((v) => value(t.datatype, v)) }));
    // HTTP, hand-written JSON with exact 64-bit ints.
    const body = stringifyJson({ inputs });
    const httpRes = await post(`/v2/models/${tc.model}/infer`, body);
    if (tc.error) {
      const e = await failure(g.infer(tc.model, inputs));
      expect(e.message).toBe(tc.error.text);
      expect(e.code).toBe(tc.error.code === 'INVALID_ARG' ? grpc.status.INVALID_ARGUMENT : grpc.status.INTERNAL);
      expect(httpRes.status).toBe(tc.error.code === 'INVALID_ARG' ? 400 : 500);
      expect(httpRes.json).toEqual({ error: tc.error.text });
      return;
    }
    const out = tc.output!;
    const res = await g.infer(tc.model, inputs);
    const o = res.output(out.name)!;
    expect([o.datatype, o.shape]).toEqual([out.datatype, out.shape]);
    const want = out.data.map((v) => value(out.datatype, v));
    expect(o.data.length).toBe(want.length);
    o.data.forEach((v, k) => expect(same(v, want[k]), `element ${k}: ${String(v)} vs ${String(want[k])}`).toBe(true));
    expect(httpRes.status).toBe(200);
    const ho = (httpRes.json!.outputs as { name: string; datatype: string; shape: number[]; data: unknown[] }[])[0]!;
    expect([ho.name, ho.datatype, ho.shape]).toEqual([out.name, out.datatype, out.shape]);
    // Compare the JSON text of each element exactly (-0.0, 2^63 - 1 and all).
    const text = httpRes.body.toString('utf8');
    for (const v of want) expect(text).toContain(stringifyJson(v));
    ho.data.forEach((v, k) => {
      if (out.datatype !== 'INT64') expect(same(v, want[k])).toBe(true);
    });
  });

  it.each(cases.filter((x) => x.runaway).map((x) => [x.id, x] as const))('%s is stopped by the time limit', async (_id, tc) => {
    const inputs = tc.inputs.map((t) => ({ name: t.name, datatype: t.datatype as 'INT64', shape: t.shape, data: t.data.map((v) => value(t.datatype, v)) }));
    const e = await failure(g.infer(tc.model, inputs));
    expect(e.code).toBe(grpc.status.INTERNAL);
    expect(e.message).toBe(`WasmLimitExceeded: ${tc.model}: inference exceeded the time limit of ${TIMEOUT_MS} ms`);
  });
});

