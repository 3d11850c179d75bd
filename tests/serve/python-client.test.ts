/**
 * An independent client: Python grpcio with stubs that grpcio-tools generates
 * from runtime/proto/*.proto at test time, driving every RPC of our server.
 * This checks our proto files and our hand-written codec against Google's
 * protobuf implementation from the other side of the wire.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInferenceServer, type InferenceServer } from '../../runtime/src/serve/index.js';
import { buildRepository } from './repo-fixture.js';

const PROTO_DIR = fileURLToPath(new URL('../../runtime/proto/', import.meta.url));
const CLIENT = fileURLToPath(new URL('./py_client.py', import.meta.url));
const probe = spawnSync('python3', ['-c', 'import grpc, grpc_tools'], { encoding: 'utf8' });
const missing = probe.status !== 0 ? `python3 with grpcio and grpcio-tools is needed (pip install -r requirements-dev.txt): ${probe.stderr.trim().split('\n').pop()}` : null;

describe.skipIf(missing !== null)('Python grpcio client (stubs generated from runtime/proto)', () => {
  let repo: string;
  let stubs: string;
  let server: InferenceServer;

  beforeAll(async () => {
    repo = await buildRepository();
    stubs = await mkdtemp(join(tmpdir(), 'portalis-pystubs-'));
    await promisify(execFile)('python3', ['-m', 'grpc_tools.protoc', `-I${PROTO_DIR}`, `--python_out=${stubs}`, `--grpc_python_out=${stubs}`, 'grpc_service.proto', 'model_config.proto']);
    server = await createInferenceServer({ repository: repo });
  });

  afterAll(async () => {
    await server?.close();
    for (const dir of [repo, stubs]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('drives every RPC and gets the same answers as CPython', async () => {
    const { stdout } = await promisify(execFile)('python3', [CLIENT, stubs, `127.0.0.1:${server.grpcPort}`], { timeout: 60_000 });
    const out = JSON.parse(stdout);
    expect(out.live).toBe(true);
    expect(out.ready).toBe(true);
    expect(out.model_ready).toBe(true);
    expect(out.server.name).toBe('portalis');
    expect(out.server.extensions).toContain('binary_tensor_data');
    expect(out.metadata).toEqual({
      name: 'floordiv', versions: ['1'], platform: 'portalis_wasm',
      inputs: [['a', 'INT64', [-1, 1]], ['b', 'INT64', [-1, 1]]],
      outputs: [['OUTPUT0', 'INT64', [-1, 1]]],
    });
    expect(out.config).toEqual({
      name: 'is_even', backend: 'portalis_wasm', max_batch_size: 8, input: [['n', 9, [1]]], instances: [[1, 2]], dynamic_batching: true, parameters: { timeout_ms: '10000' },
    });
    // CPython: -7 // 2 == -4, 2**62 // -3 == -1537228672809129302
    expect(out.raw).toEqual({ id: 'py-1', model: 'floordiv', version: '1', outputs: [['OUTPUT0', 'INT64', [2, 1]]], values: ['-4', '-1537228672809129302'] });
    expect(out.typed).toEqual(['55', '2880067194370816120', '4660046610375530309']);
    expect(out.add).toBe('0.30000000000000004');
    expect(out.errors).toEqual({
      unknown: ['INVALID_ARGUMENT', "Request for unknown model: 'nope' is not found"],
      zero: ['INVALID_ARGUMENT', 'ZeroDivisionError: integer division or modulo by zero'],
    });
    expect(out.stats).toEqual({ name: 'fib', inference_count: 3, success: 1 });
    expect(out.index).toEqual([['add', 'READY'], ['fib', 'READY'], ['floordiv', 'READY'], ['is_even', 'READY'], ['log_ratio', 'READY'], ['spin', 'READY']]);
  });
});
