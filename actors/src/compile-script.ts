/**
 * `compileScript`: one `.py` file compiled in script mode (`portalis run`):
 * ingest → analysis with the top-level code as an entry function → spec →
 * transpile → build, run in this thread without the pipeline machine (a
 * script is compiled to be run at once, never packaged). The WASM imports
 * the `portalis` host functions (docs/abi.md "Script mode"); run it with
 * `runScriptWasm` from @portalis/runtime.
 */
import { analyze } from './analysis/analysis.js';
import { buildWasm } from './build/build.js';
import type { BuildOptions } from './build/types.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { ingest } from './ingest/ingest.js';
import { specify } from './spec/spec.js';
import { transpile } from './transpile/transpile.js';

export interface ScriptCompileOptions {
  /** The source text, instead of reading `file`. */
  readonly source?: string;
  readonly build?: BuildOptions;
}

export type ScriptCompileResult =
  | { readonly ok: true; readonly wasm: Uint8Array; readonly rust: string; readonly source: string; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly source: string; readonly diagnostics: Diagnostic[] };

export async function compileScript(file: string, options: ScriptCompileOptions = {}): Promise<ScriptCompileResult> {
  const ingested = await ingest(options.source === undefined ? { file } : { file, source: options.source });
  const source = ingested.source;
  const diagnostics: Diagnostic[] = [...ingested.diagnostics];
  const failed = (): ScriptCompileResult => ({ ok: false, source, diagnostics });
  if (ingested.module === null) return failed();
  const analysis = await analyze(ingested, { script: true });
  diagnostics.push(...analysis.diagnostics);
  if (analysis.module === null) return failed();
  const { spec, diagnostics: specDiagnostics } = await specify(analysis);
  diagnostics.push(...specDiagnostics);
  if (specDiagnostics.some((d) => d.severity === 'error')) return failed();
  const { rust } = await transpile({ analysis, spec });
  const built = await buildWasm({ file, rust, spec, ...(options.build ? { options: options.build } : {}) });
  if (!built.ok) {
    diagnostics.push(...built.diagnostics);
    return failed();
  }
  return { ok: true, wasm: built.wasm, rust, source, diagnostics };
}
