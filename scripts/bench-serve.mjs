#!/usr/bin/env node
// Throughput and latency of ModelInfer on the embedded KServe v2 server
// (runtime/dist/serve) for a small function, `add(a: float, b: float)` from
// tests/fixtures/triton/funcs.py, compiled by the real compiler.
//
//   node scripts/bench-serve.mjs [--seconds 5] [--json]
//
// The server runs in this process; the load comes from a second Node process
// on loopback using TritonClient (gRPC: raw_input_contents; HTTP: the binary
// tensor extension). Closed loop: C concurrent callers, each sending its next
// request when the previous answer arrives; batch 1 per request. For each of
// gRPC/HTTP x concurrency 1/16: 1 s warm-up, then --seconds measured.
// Printed next to Triton's published tiny-model figures (reference
// triton.md 5.3; hardware not stated there): ~1,400-2,000 infer/s and
// 0.5-0.7 ms at concurrency 1. Needs `npx tsc -b` first (npm run bench:serve does it).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const serveDist = new URL('../runtime/dist/serve/index.js', import.meta.url).href;

if (process.argv[2] === '--load') {
  // The load generator (child process).
  const [, , , transport, address, concurrency, warmMs, measureMs] = process.argv;
  const { TritonClient } = await import(serveDist);
  const client = transport === 'grpc' ? TritonClient.grpc(address) : TritonClient.http(address);
  const inputs = [
    { name: 'a', datatype: 'FP64', shape: [1, 1], data: [1.5] },
    { name: 'b', datatype: 'FP64', shape: [1, 1], data: [2.25] },
  ];
  const latencies = [];
  let measuring = false;
  let stop = false;
  const caller = async () => {
    while (!stop) {
      const t = process.hrtime.bigint();
      const res = await client.infer('add', inputs);
      const dt = Number(process.hrtime.bigint() - t);
      if (res.outputs[0].data[0] !== 3.75) throw new Error(`wrong answer ${res.outputs[0].data[0]}`);
      if (measuring) latencies.push(dt);
    }
  };
  const running = Array.from({ length: Number(concurrency) }, caller);
  await new Promise((r) => setTimeout(r, Number(warmMs)));
  measuring = true;
  const start = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, Number(measureMs)));
  measuring = false;
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  stop = true;
  await Promise.all(running);
  client.close();
  latencies.sort((x, y) => x - y);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] / 1e6;
  process.stdout.write(JSON.stringify({ count: latencies.length, rps: latencies.length / elapsed, p50: q(0.5), p99: q(0.99) }));
  process.exit(0);
}

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } } });
const measureMs = Math.round(Number(values.seconds) * 1000);

const { compileModule } = await import(new URL('../actors/dist/index.js', import.meta.url).href);
const { createInferenceServer } = await import(serveDist);

const result = await compileModule({ file: join(root, 'tests/fixtures/triton/funcs.py') });
if (!result.ok) throw new Error(`funcs.py did not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
const { spec, wasm } = result.output;
const repo = await mkdtemp(join(tmpdir(), 'portalis-bench-serve-'));
await mkdir(join(repo, 'add', '1'), { recursive: true });
await writeFile(
  join(repo, 'add', 'config.pbtxt'),
  `name: "add"
backend: "portalis_wasm"
max_batch_size: 8
input [ { name: "a" data_type: TYPE_FP64 dims: [ 1 ] }, { name: "b" data_type: TYPE_FP64 dims: [ 1 ] } ]
output [ { name: "OUTPUT0" data_type: TYPE_FP64 dims: [ 1 ] } ]
instance_group [ { count: 1 kind: KIND_CPU } ]
dynamic_batching { }
`,
);
await writeFile(join(repo, 'add', '1', 'model.wasm'), wasm);
await writeFile(join(repo, 'add', '1', 'portalis.json'), JSON.stringify({ portalis: 1, model: 'add', function: 'add', wasm: 'model.wasm', spec }));

const server = await createInferenceServer({ repository: repo });
const runs = [];
try {
  for (const transport of ['grpc', 'http']) {
    for (const concurrency of [1, 16]) {
      const address = transport === 'grpc' ? `127.0.0.1:${server.grpcPort}` : `http://127.0.0.1:${server.httpPort}`;
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--load', transport, address, String(concurrency), '1000', String(measureMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      if (code !== 0) throw new Error(`load generator failed (${transport}, c=${concurrency})`);
      runs.push({ transport, concurrency, ...JSON.parse(out) });
    }
  }
} finally {
  await server.close();
  await rm(repo, { recursive: true, force: true });
}

if (values.json) {
  process.stdout.write(`${JSON.stringify({ cpus: cpus().length, node: process.version, runs }, null, 2)}\n`);
} else {
  const rows = [
    ['transport', 'concurrency', 'requests', 'infer/s', 'p50 ms', 'p99 ms'],
    ...runs.map((r) => [r.transport, String(r.concurrency), String(r.count), r.rps.toFixed(0), r.p50.toFixed(3), r.p99.toFixed(3)]),
  ];
  const widths = rows[0].map((_, k) => Math.max(...rows.map((row) => row[k].length)));
  const line = (row) => `| ${row.map((cell, k) => cell.padEnd(widths[k])).join(' | ')} |`;
  console.log(`ModelInfer add(a, b), batch 1, ${measureMs / 1000} s per row, Node ${process.version}, ${cpus().length} CPUs, server and load generator on one machine:\n`);
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(`
Published Triton figures for tiny models (reference triton.md 5.3, hardware not stated):
| perf_analyzer quick start, 'simple' ONNX add/sub, HTTP sync c=1 | 1,408 infer/s | avg 0.708 ms, p50 0.690, p99 1.031 |
| server PR #2244, graphdef int32 add/sub, gRPC sync c=1          | 1,837-1,850 infer/s | 0.539-0.543 ms |
| server PR #2244, same model, HTTP async c=1                     | 2,002-2,010 infer/s | 0.480-0.481 ms |`);
}
