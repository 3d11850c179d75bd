// Micro-benchmark: the cost of PyInt's small-int fast path against plain
// checked i64 adds (what generated code does today), both in wasm32.
// Compiles portalis_rt and bigint_driver.rs with /usr/bin/rustc (opt-level 3)
// and times `bench_pyint_add(n)` against `bench_i64_add(n)` (a loop of
// 2 adds per iteration). Not a test: run `node actors/rt/test/bigint-bench.mjs`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const rustc = process.env.PORTALIS_RUSTC ?? '/usr/bin/rustc';
const dir = mkdtempSync(path.join(os.tmpdir(), 'portalis-bigint-bench-'));
const common = ['--edition', '2021', '--target', 'wasm32-unknown-unknown', '-C', 'opt-level=3', '-C', 'debuginfo=0'];
execFileSync(rustc, [...common, '--crate-type', 'rlib', '--crate-name', 'portalis_rt', '-o', path.join(dir, 'libportalis_rt.rlib'), path.join(here, '..', 'src', 'lib.rs')]);
execFileSync(rustc, [...common, '--crate-type', 'cdylib', '--extern', `portalis_rt=${path.join(dir, 'libportalis_rt.rlib')}`, '-o', path.join(dir, 'b.wasm'), path.join(here, 'bigint_driver.rs')]);
const { instance } = await WebAssembly.instantiate(readFileSync(path.join(dir, 'b.wasm')), {});
const { bench_pyint_add: pyint, bench_i64_add: i64 } = instance.exports;

const n = 50_000_000n;
// interleaved, best of 7 each: the machine may be shared
let [ti, tp, ri, rp] = [Infinity, Infinity, 0n, 0n];
for (let k = 0; k < 7; k++) {
  let t = process.hrtime.bigint();
  ri = i64(n);
  ti = Math.min(ti, Number(process.hrtime.bigint() - t) / 1e6);
  t = process.hrtime.bigint();
  rp = pyint(n);
  tp = Math.min(tp, Number(process.hrtime.bigint() - t) / 1e6);
}
if (ri !== rp) throw new Error(`results differ: ${ri} vs ${rp}`);
const perAdd = (ms) => ((ms * 1e6) / Number(2n * n)).toFixed(2);
console.log(`checked i64: ${ti.toFixed(1)} ms (${perAdd(ti)} ns/add)`);
console.log(`PyInt:       ${tp.toFixed(1)} ms (${perAdd(tp)} ns/add)`);
console.log(`PyInt / i64: ${(tp / ti).toFixed(2)}x`);
