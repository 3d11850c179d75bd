/**
 * Per-call cost of the generated glue against calling the raw WASM export,
 * for scalar functions of the package fixture (actors/src/package/__fixtures__).
 * Not a test: prints ns/call (best of several rounds) for a local look.
 *
 *   npx tsc -b runtime && npx tsx runtime/bench/call-overhead.ts
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FIB_SPEC } from '../../actors/src/package/__fixtures__/fib-spec.js';
import { packageModule } from '../../actors/src/package/package.js';
import { compileRustFixture } from '../src/__fixtures__/compile-rust.js';

type Fn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

const CALLS = 10_000_000;
const ROUNDS = 7;

function time(label: string, body: () => number): number {
  let best = Infinity;
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    sink += body();
    const ns = Number(process.hrtime.bigint() - start) / CALLS;
    best = Math.min(best, ns);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(2)} ns/call  (sink ${sink % 7})`);
  return best;
}

const wasm = await compileRustFixture(fileURLToPath(new URL('../../actors/src/package/__fixtures__/fib.rs', import.meta.url)));
const dir = await mkdtemp(join(tmpdir(), 'portalis-bench-'));
const runtimeUrl = pathToFileURL(fileURLToPath(new URL('../dist/index.js', import.meta.url))).href;
// The generated modules are ESM; say so for loaders that go by package.json.
await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
const modules: Record<string, Record<string, Fn>> = {};
for (const intMode of ['number', 'bigint'] as const) {
  const { js } = await packageModule({ spec: FIB_SPEC, wasm, options: { intMode, runtimeImport: runtimeUrl } });
  await writeFile(join(dir, `fib-${intMode}.js`), js);
  modules[intMode] = await import(pathToFileURL(join(dir, `fib-${intMode}.js`)).href);
}
const raw = (await WebAssembly.instantiate(await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>), {})).exports as Record<string, Fn>;

const glue = modules.number!;
const wide = modules.bigint!;
console.log(`node ${process.version}, ${CALLS} calls per round, best of ${ROUNDS}`);

const rawSub = raw.delete!;
const glueSub = glue.delete!;
const a = time('raw export  delete(i, 1)       f64 → f64', () => { let s = 0; for (let i = 0; i < CALLS; i++) s += rawSub(i, 1); return s; });
const b = time('glue        delete(i, 1)       number mode', () => { let s = 0; for (let i = 0; i < CALLS; i++) s += glueSub(i, 1); return s; });
const rawScale = raw.scale!;
const glueScale = glue.scale!;
const c = time('raw export  scale(x, 3)        f64,f64 → f64', () => { let s = 0; for (let i = 0; i < CALLS; i++) s += rawScale(i * 0.5, 3); return s; });
const d = time('glue        scale(x, 3)        number mode', () => { let s = 0; for (let i = 0; i < CALLS; i++) s += glueScale(i * 0.5, 3); return s; });
const rawBoth = raw.both!;
const glueBoth = glue.both!;
const e = time('raw export  both(a, b)         i32 → i32', () => { let s = 0; for (let i = 0; i < CALLS; i++) s += rawBoth((i & 1) === 0, true); return s; });
const f = time('glue        both(a, b)         → boolean', () => { let s = 0; for (let i = 0; i < CALLS; i++) s += glueBoth((i & 1) === 0, true) ? 1 : 0; return s; });
const rawWide = raw.delete__wide!;
const wideSub = wide.delete!;
const g = time('raw export  delete__wide(i, 1n) i64 → i64', () => { let s = 0n; for (let i = 0n; i < BigInt(CALLS); i++) s += rawWide(i, 1n) as bigint; return Number(s & 7n); });
const h = time('glue        delete(i, 1n)      bigint mode', () => { let s = 0n; for (let i = 0n; i < BigInt(CALLS); i++) s += wideSub(i, 1n) as bigint; return Number(s & 7n); });
console.log(`glue overhead: int ${(b - a).toFixed(2)} ns, float ${(d - c).toFixed(2)} ns, bool ${(f - e).toFixed(2)} ns, bigint ${(h - g).toFixed(2)} ns per call`);
await rm(dir, { recursive: true, force: true });
