// Compiles fib.py through the real Portalis pipeline (parse, analyse, Rust,
// rustc to wasm32, ES module glue) with the API, writes the module to
// build/, imports it and calls the Python functions from JavaScript.
//
//   npm run build            # once, at the repository root (builds @portalis/actors)
//   npm start -w examples/node-fib
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileModule, formatDiagnostic } from '@portalis/actors';

const here = fileURLToPath(new URL('.', import.meta.url));
const file = `${here}fib.py`;

const result = await compileModule({ file }, { wasm: 'inline' });
for (const d of result.diagnostics) console.error(formatDiagnostic(d, result.source));
if (!result.ok || !result.output) {
  console.error(`\ncompile of ${file} failed`);
  process.exit(1);
}

// The generated module imports '@portalis/runtime', which resolves from here.
await mkdir(`${here}build`, { recursive: true });
await writeFile(`${here}build/fib.js`, result.output.js);
await writeFile(`${here}build/fib.d.ts`, result.output.dts);
const timings = Object.entries(result.timings).map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`).join(', ');
console.log(`compiled fib.py -> build/fib.js (${result.output.wasm.byteLength} bytes of WASM${result.cached ? ', from cache' : ''}; ${timings})`);

const { fib, fib_iter } = await import(pathToFileURL(`${here}build/fib.js`).href);

console.log(`fib(0..10) = ${Array.from({ length: 11 }, (_, n) => fib(n)).join(', ')}`);
const started = performance.now();
const f30 = fib(30);
console.log(`fib(30) = ${f30}  (recursive, ${(performance.now() - started).toFixed(1)} ms)`);
console.log(`fib_iter(78) = ${fib_iter(78)}  (largest Fibonacci number below 2**53)`);

// Python ints are exact; a result that a JS number cannot hold exactly is
// refused rather than rounded (compile with intMode: 'bigint' to get a BigInt).
try {
  fib_iter(79);
} catch (error) {
  console.log(`fib_iter(79) -> ${error.name}: ${error.message}`);
}
