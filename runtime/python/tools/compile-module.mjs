// Compiles a .py file with the Portalis compiler (actors/dist, so run `npx tsc -b` first) and writes
// <out>/<module>.wasm and <out>/<module>.spec.json (the ModuleSpec) for the Python host's tests.
// Usage: node runtime/python/tools/compile-module.mjs <file.py> <outDir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModule, formatDiagnostic } from '../../../actors/dist/index.js';

const [file, outDir] = process.argv.slice(2);
if (!file || !outDir) {
  console.error('usage: compile-module.mjs <file.py> <outDir>');
  process.exit(2);
}
const result = await compileModule({ file }, { wasm: 'file' });
for (const d of result.diagnostics) console.error(formatDiagnostic(d, result.source));
if (!result.ok || !result.output) process.exit(1);
mkdirSync(outDir, { recursive: true });
const name = result.output.spec.module;
writeFileSync(join(outDir, `${name}.wasm`), result.output.wasm);
writeFileSync(join(outDir, `${name}.spec.json`), JSON.stringify(result.output.spec, null, 2) + '\n');
console.log(join(outDir, `${name}.wasm`));
