#!/usr/bin/env node
// `npm run bench`: compile latency and run time of Portalis WASM against
// CPython (python3) and hand-written JS, all measured in this one run.
// Not a test: it prints figures, it asserts nothing about speed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileModule } from '../actors/dist/index.js';
import * as peers from '../bench/peers.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const runtimeImport = pathToFileURL(join(repo, 'runtime/dist/index.js')).href;
const python = process.env.PORTALIS_PYTHON ?? 'python3';
const work = mkdtempSync(join(tmpdir(), 'portalis-bench-'));

const programs = [
  { file: 'bench/programs/fib.py', fn: 'fib', args: [30], label: 'fib(30), recursive', repeat: 5 },
  { file: 'bench/programs/collatz.py', fn: 'collatz_total', args: [100000], label: 'collatz_total(100000), int loop', repeat: 3 },
  { file: 'bench/programs/orbit.py', fn: 'orbit_energy', args: [1000000, 0.001], label: 'orbit_energy(1e6, 0.001), float loop', repeat: 3 },
  { file: 'bench/programs/sieve.py', fn: 'sieve_count', args: [1000000], label: 'sieve_count(1e6), list of bools', repeat: 3 },
  { file: 'bench/programs/words.py', fn: 'word_freq', args: [200000], label: 'word_freq(200000), str.split + dict + sorted(key=)', repeat: 3 },
  { file: 'bench/programs/memo.py', fn: 'memo_paths', args: [2000], label: 'memo_paths(2000), dict memo', repeat: 3 },
];

function best(fn, repeat) {
  let min = Infinity;
  let value;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    value = fn();
    min = Math.min(min, performance.now() - t);
  }
  return { value, ms: min };
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const ratio = (a, b) => `${(a / b).toFixed(1)}×`;

// ── compile latency ───────────────────────────────────────────────────────
const compileRows = [];
{
  const cacheDir = join(work, 'cache');
  const file = join(repo, 'bench/programs/fib.py');
  const t0 = performance.now();
  const first = await compileModule({ file }, { cacheDir, runtimeImport });
  const tFirst = performance.now() - t0;
  if (!first.ok) throw new Error(`bench: fib.py did not compile: ${JSON.stringify(first.diagnostics)}`);
  // Same toolchain and support library, a module the cache has not seen.
  const variant = join(work, 'fib_variant.py');
  writeFileSync(variant, readFileSync(file, 'utf8').replace('n < 2', 'n <= 1'));
  const t1 = performance.now();
  const cold = await compileModule({ file: variant }, { cacheDir, runtimeImport });
  const tCold = performance.now() - t1;
  const warmRuns = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const warm = await compileModule({ file }, { cacheDir, runtimeImport });
    warmRuns.push(performance.now() - t);
    if (!warm.cached) throw new Error('bench: expected a cache hit');
  }
  compileRows.push(['first build (empty cache: support library + module)', tFirst, first.timings]);
  compileRows.push(['cold module (support library cached)', tCold, cold.timings]);
  compileRows.push(['warm (module from the cache), best of 5', Math.min(...warmRuns), null]);
}

// ── run time ─────────────────────────────────────────────────────────────
const runRows = [];
for (const p of programs) {
  const file = join(repo, p.file);
  const result = await compileModule({ file }, { runtimeImport, intMode: 'number' });
  if (!result.ok) throw new Error(`bench: ${p.file} did not compile`);
  const jsFile = join(work, `${p.fn}.mjs`);
  writeFileSync(jsFile, result.output.js);
  const mod = await import(pathToFileURL(jsFile).href);
  const wasm = best(() => mod[p.fn](...p.args), p.repeat);
  const js = best(() => peers[p.fn](...p.args), p.repeat);
  const py = JSON.parse(
    execFileSync(python, [join(repo, 'bench/python_timer.py')], {
      input: JSON.stringify({ file, calls: [{ fn: p.fn, args: p.args, repeat: p.repeat }] }),
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    }),
  ).results[0];
  const pyMs = py.seconds * 1000;
  const same = String(wasm.value) === py.value || Number(py.value) === wasm.value;
  runRows.push({ label: p.label, pyMs, wasmMs: wasm.ms, jsMs: js.ms, same, value: py.value });
}

// ── report ───────────────────────────────────────────────────────────────
const rustc = spawnSync(process.env.PORTALIS_RUSTC ?? '/usr/bin/rustc', ['--version'], { encoding: 'utf8' }).stdout.trim();
const pyVersion = spawnSync(python, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`Portalis benchmark — node ${process.version}, ${pyVersion}, ${rustc}, ${new Date().toISOString().slice(0, 10)}`);
console.log('\nCompile latency (fib.py, in-process, opt-level 3)');
console.log('| case | ms | stages |');
console.log('| --- | ---: | --- |');
for (const [label, ms, timings] of compileRows) {
  const stages = timings ? Object.entries(timings).map(([k, v]) => `${k} ${fmt(v)}`).join(', ') : '';
  console.log(`| ${label} | ${fmt(ms)} | ${stages} |`);
}
console.log('\nRun time, best of N (ms); ratio = CPython time / WASM time');
console.log('| program | CPython | Portalis WASM | hand-written JS | CPython / WASM | JS / WASM | same result |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of runRows) {
  console.log(`| ${r.label} | ${fmt(r.pyMs)} | ${fmt(r.wasmMs)} | ${fmt(r.jsMs)} | ${ratio(r.pyMs, r.wasmMs)} | ${ratio(r.jsMs, r.wasmMs)} | ${r.same ? 'yes' : `NO (python ${r.value})`} |`);
}
rmSync(work, { recursive: true, force: true });
