// `npm run bench:kit`: what the Omniverse Kit extension costs per physics step.
//
// Modular: each measurement is a section { name, title, run(ctx) -> markdown }
// in SECTIONS; run them all (default) or some with `--section <name>` (repeatable).
// `--quick` shortens every section. Sections share `ctx`, which packages
// examples/kit-sim/spring.py once (ctx.packaged()).
//
// - in-process: the WASM call through the Python host (kit-extension/bench/bench_in_process.py)
//   for 1 and 10,000 prims, against the same step in CPython.
// - (the ZeroMQ round trip section is added by the bridge: append to SECTIONS.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bridgeSection } from './bench-kit-bridge.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SPRING = join(ROOT, 'examples/kit-sim/spring.py');
const EXT_NAME = 'portalis.wasm.spring';

export function createContext({ quick = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'portalis-bench-kit-'));
  let packaged = null;
  return {
    quick,
    dir,
    /** Packages the spring example once; returns { exts, name }. */
    packaged() {
      if (!packaged) {
        const exts = join(dir, 'exts');
        execFileSync(process.execPath, [join(ROOT, 'actors/bin/portalis.js'), 'package', SPRING, '--target', 'kit', '-o', exts, '--name', EXT_NAME,
          '--bindings', join(ROOT, 'examples/kit-sim/bindings.json')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
        packaged = { exts, name: EXT_NAME };
      }
      return packaged;
    },
    close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const fmt = (us) => (us >= 10_000 ? `${(us / 1000).toFixed(1)} ms` : us >= 100 ? `${us.toFixed(0)} µs` : `${us.toFixed(2)} µs`);

export async function inProcessSection(ctx) {
  const { exts, name } = ctx.packaged();
  const args = [join(ROOT, 'kit-extension/bench/bench_in_process.py'), exts, name, SPRING, ...(ctx.quick ? ['--quick'] : [])];
  const out = JSON.parse(execFileSync('python3', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 }));
  const lines = [
    `Python ${out.python}; spring.py (velocity + position per prim = 2 calls per prim per step); medians.`,
    '',
    '| measurement | prims | calls/step | WASM (host) per step | CPython per step | WASM / CPython | WASM step time per call |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of out.rows) {
    const what = r.what === 'call' ? 'calls only' : 'whole step (USD read, calls, batched write)';
    lines.push(`| ${what} | ${r.prims} | ${r.calls_per_step} | ${fmt(r.wasm_us)} | ${fmt(r.cpython_us)} | ${(r.wasm_us / r.cpython_us).toFixed(1)}x | ${fmt(r.wasm_us / r.calls_per_step)} |`);
  }
  return lines.join('\n');
}

export const SECTIONS = [{ name: 'in-process', title: 'Kit extension, in process: per physics step', run: inProcessSection }];
SECTIONS.push({ name: 'bridge', title: 'Kit bridge: remote call round trip (pyzmq <-> Node ROUTER, tcp loopback)', run: bridgeSection });

async function main(argv) {
  const quick = argv.includes('--quick');
  const wanted = argv.flatMap((a, i) => (a === '--section' ? [argv[i + 1]] : []));
  const ctx = createContext({ quick });
  try {
    for (const section of SECTIONS) {
      if (wanted.length && !wanted.includes(section.name)) continue;
      console.log(`## ${section.title}\n\n${await section.run(ctx)}\n`);
    }
  } finally {
    ctx.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
