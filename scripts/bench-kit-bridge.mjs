#!/usr/bin/env node
// Round-trip latency of the Kit bridge (docs/bridge-protocol.md) on loopback:
// a Node BridgeServer (runtime/dist/bridge) in this process, and a Python
// client (pyzmq) in a child process making plain remote calls.
//
//   node scripts/bench-kit-bridge.mjs [--runs 3] [--calls 5000] [--json]
//
// Two client paths, each timed with perf_counter_ns around one call:
//   raw DEALER    a pyzmq DEALER on the caller's thread sending the bridge's
//                 call frames (the wire and Node's handling only);
//   KitBridge     kit-extension/portalis/wasm/bridge.py `call()`, as the Kit
//                 extension makes it (adds value encoding, ids, deadlines).
// Each run: 500 warm-up calls, then --calls timed; the table gives the median
// over runs of each run's p50/p99 (this 2-core VM is noisy; see
// /work/shared/reference/kit.md §5.2: ~0.19 ms median for a plain REQ/REP).
// Needs `npx tsc -b` first. Also the `bridge` section of `npm run bench:kit`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('..', import.meta.url));

const CLIENT = String.raw`
import json, sys, time, importlib.util
import zmq
endpoint, pub, mode, warm, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
spec = importlib.util.spec_from_file_location("kb", sys.argv[6])
kb = importlib.util.module_from_spec(spec); spec.loader.exec_module(kb)
times = []
if mode == "raw":
    ctx = zmq.Context(); s = ctx.socket(zmq.DEALER); s.setsockopt(zmq.LINGER, 0); s.setsockopt(zmq.RCVTIMEO, 2000); s.connect(endpoint)
    for i in range(warm + n):
        frame = json.dumps({"v": 1, "type": "call", "id": i, "fn": "echo", "args": [{"$f": 1.5}]}, separators=(",", ":")).encode()
        t = time.perf_counter_ns(); s.send(frame); reply = s.recv_multipart(); dt = time.perf_counter_ns() - t
        assert json.loads(reply[0])["id"] == i
        if i >= warm: times.append(dt)
    s.close(0); ctx.term()
else:
    b = kb.KitBridge(endpoint, pub, call_timeout=2.0)
    for i in range(warm + n):
        t = time.perf_counter_ns(); v = b.call("echo", 1.5); dt = time.perf_counter_ns() - t
        assert v == 1.5
        if i >= warm: times.append(dt)
    assert b.close(2.0)
print(json.dumps(times))
`;

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code}`))));
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the bench; returns rows { path, p50Us, p99Us, minUs, callsPerS, runs }. */
export async function benchBridge({ runs = 3, calls = 5000, warm = 500 } = {}) {
  const { BridgeServer } = await import('../runtime/dist/bridge/index.js');
  const server = await BridgeServer.start({ rpcEndpoint: 'tcp://127.0.0.1:*', pubEndpoint: 'tcp://127.0.0.1:*' });
  server.handle('echo', (args) => args[0]);
  const bridgePy = `${repo}kit-extension/portalis/wasm/bridge.py`;
  const rows = [];
  try {
    for (const [mode, path] of [['raw', 'raw DEALER (pyzmq) -> Node ROUTER'], ['bridge', 'KitBridge.call() -> Node ROUTER']]) {
      const perRun = [];
      for (let r = 0; r < runs; r++) {
        const out = await run('python3', ['-c', CLIENT, server.rpcEndpoint, server.pubEndpoint, mode, String(warm), String(calls), bridgePy]);
        const sorted = JSON.parse(out).sort((a, b) => a - b);
        const total = sorted.reduce((a, b) => a + b, 0);
        perRun.push({ p50: pct(sorted, 50), p99: pct(sorted, 99), min: sorted[0], rate: sorted.length / (total / 1e9) });
      }
      rows.push({
        path,
        p50Us: median(perRun.map((x) => x.p50)) / 1000,
        p99Us: median(perRun.map((x) => x.p99)) / 1000,
        minUs: Math.min(...perRun.map((x) => x.min)) / 1000,
        callsPerS: median(perRun.map((x) => x.rate)),
        runs: perRun.map((x) => Math.round(x.p50 / 1000)),
      });
    }
  } finally {
    await server.close();
  }
  return rows;
}

export function formatBridgeTable(rows, calls) {
  const lines = [
    `Kit bridge round trip, tcp://127.0.0.1, ${calls} timed calls per run (median over runs)`,
    '| path | p50 µs | p99 µs | min µs | calls/s | per-run p50 µs |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    lines.push(`| ${r.path} | ${r.p50Us.toFixed(0)} | ${r.p99Us.toFixed(0)} | ${r.minUs.toFixed(0)} | ${r.callsPerS.toFixed(0)} | ${r.runs.join(', ')} |`);
  }
  return lines.join('\n');
}

/** The `bridge` section of scripts/bench-kit.mjs (`--quick`: one short run). */
export async function bridgeSection(ctx) {
  const calls = ctx.quick ? 1000 : 5000;
  return formatBridgeTable(await benchBridge({ runs: ctx.quick ? 1 : 3, calls, warm: ctx.quick ? 200 : 500 }), calls);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, calls: { type: 'string' }, json: { type: 'boolean' } } });
  const runs = Number(values.runs ?? 3);
  const calls = Number(values.calls ?? 5000);
  const rows = await benchBridge({ runs, calls });
  console.log(values.json ? JSON.stringify(rows, null, 2) : formatBridgeTable(rows, calls));
}
