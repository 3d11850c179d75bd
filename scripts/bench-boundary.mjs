#!/usr/bin/env node
// `npm run bench:boundary` (also run by `npm run bench`): what it costs to
// pass a 10,000-element list[float], a list[int] and a 10,000-character str
// into and out of Portalis WASM (ABI 2, "Values in linear memory" in
// docs/abi.md), next to a plain JS loop over the same values and, for scale,
// a JSON round trip. Not a test: it prints figures, it asserts nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileModule } from '../actors/dist/index.js';

const repo = fileURLToPath(new URL('../', import.meta.url));
const runtimeImport = pathToFileURL(join(repo, 'runtime/dist/index.js')).href;
const work = mkdtempSync(join(tmpdir(), 'portalis-bench-boundary-'));
const N = 10_000;

const result = await compileModule({ file: join(repo, 'bench/programs/boundary.py') }, { runtimeImport, intMode: 'number' });
if (!result.ok) throw new Error(`bench: boundary.py did not compile: ${JSON.stringify(result.diagnostics)}`);
const jsFile = join(work, 'boundary.mjs');
writeFileSync(jsFile, result.output.js);
const m = await import(pathToFileURL(jsFile).href);

/** Microseconds per call: the best of 15 batches of `calls` calls, after a warm-up (the best filters out other load on the machine). */
function perCall(fn, calls = 200) {
  let sink;
  for (let i = 0; i < calls; i++) sink = fn();
  let best = Infinity;
  for (let batch = 0; batch < 15; batch++) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) sink = fn();
    best = Math.min(best, (performance.now() - t) / calls);
  }
  globalThis.__sink = sink;
  return best * 1000;
}

const floats = Array.from({ length: N }, (_, i) => Math.sin(i) * 1e3);
const ints = Array.from({ length: N }, (_, i) => (i * 7919) % 1_000_003 - 500_000);
const ascii = Array.from({ length: N }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
const mixed = Array.from({ length: N }, (_, i) => 'aé☃'[i % 3]).join('');

// Plain JS doing the same walk over the same values, without crossing.
const copyArray = (xs) => {
  const out = [];
  for (let i = 0; i < xs.length; i++) out.push(xs[i]);
  return out;
};
const sumArray = (xs) => {
  let t = 0;
  for (let i = 0; i < xs.length; i++) t += xs[i];
  return t;
};
const makeArray = (n) => {
  const out = [];
  for (let i = 0; i < n; i++) out.push(i * 0.5);
  return out;
};
// A string's walk: every UTF-16 unit read once (JS strings are immutable, so a copy would cost nothing).
const walkString = (s) => {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
};
const json = (v) => JSON.parse(JSON.stringify(v));

// Sanity: the WASM results are the values.
const same = (a, b) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
if (!same(m.echo_floats(floats), floats) || !same(m.echo_ints(ints), ints)) throw new Error('bench: echo changed a list');
if (m.echo_str(mixed) !== mixed || m.str_len(mixed) !== N || m.sum_floats(floats) !== sumArray(floats)) throw new Error('bench: wrong result');
if (!same(m.make_floats(N), makeArray(N))) throw new Error('bench: make_floats');

const rows = [
  ['list[float] in and out (echo)', `${4 + 8 * N} / ${4 + 8 * N}`, () => m.echo_floats(floats), () => copyArray(floats), () => json(floats)],
  ['list[int] in and out (echo)', `${4 + 8 * N} / ${4 + 8 * N}`, () => m.echo_ints(ints), () => copyArray(ints), () => json(ints)],
  ['list[float] in (sum)', `${4 + 8 * N} / 8`, () => m.sum_floats(floats), () => sumArray(floats), () => JSON.stringify(floats).length],
  ['list[float] out (build)', `8 / ${4 + 8 * N}`, () => m.make_floats(N), () => makeArray(N), () => JSON.parse(JSON.stringify(floats))],
  ['str, 10,000 ASCII chars, in and out', `${4 + N} / ${4 + N}`, () => m.echo_str(ascii), () => walkString(ascii), () => json(ascii)],
  ['str, 10,000 chars (a, é, ☃), in and out', `${4 + 20000} / ${4 + 20000}`, () => m.echo_str(mixed), () => walkString(mixed), () => json(mixed)],
  ['str, 10,000 chars (a, é, ☃), in (len)', `${4 + 20000} / 8`, () => m.str_len(mixed), () => walkString(mixed), () => JSON.stringify(mixed).length],
];

const fmt = (us) => (us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2));
console.log(`Portalis boundary benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log('command: npm run bench:boundary (node scripts/bench-boundary.mjs after npm run build)');
console.log('\nMicroseconds per call, best of 15 batches of 200 calls. Portalis = generated glue + WASM (encode, call, decode);');
console.log('plain JS = a JS loop over the same values (copy, sum or build an array; read every unit of a string), never crossing; JSON = JSON.parse(JSON.stringify(value)) for scale.');
console.log('| case | bytes in / out | Portalis | ns per element | plain JS loop | Portalis / JS | JSON round trip |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [label, bytes, wasm, js, viaJson] of rows) {
  const w = perCall(wasm);
  const j = perCall(js);
  const s = perCall(viaJson);
  console.log(`| ${label} | ${bytes} | ${fmt(w)} | ${((w * 1000) / N).toFixed(1)} | ${fmt(j)} | ${(w / j).toFixed(1)}× | ${fmt(s)} |`);
}
rmSync(work, { recursive: true, force: true });
