/**
 * Child process for the concurrency test: builds fib.rs into the cache dir
 * given as argv[2] and prints one JSON line with the outcome.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildWasm } from '../build.js';
import { fibSpec } from './fib.spec.js';

const rust = readFileSync(fileURLToPath(new URL('./fib.rs', import.meta.url)), 'utf8');
const result = await buildWasm({ file: 'fib.py', rust, spec: fibSpec, options: { cacheDir: process.argv[2]! } });
console.log(
  JSON.stringify(
    result.ok
      ? { ok: true, cached: result.cached, sha: createHash('sha256').update(result.wasm).digest('hex') }
      : { ok: false, diagnostics: result.diagnostics },
  ),
);
