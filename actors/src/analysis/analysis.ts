/**
 * The analysis stage: from the parsed module (ingest) to the typed IR that
 * spec and transpile read, or to diagnostics naming everything outside the
 * supported Python subset, all found in one pass.
 *
 * Order: module-level symbols (module.ts) → function signatures
 * (signatures.ts) → module constants (constants.ts) → type inference over all
 * function bodies (functions.ts) → lowering with checks (lower-stmt.ts).
 */
import { basename } from 'node:path';
import type { IngestResult } from '../ingest/types.js';
import { analyzeConstants } from './constants.js';
import { inferTypes, initFunction, type ModuleContext } from './functions.js';
import { lowerFunction } from './lower-stmt.js';
import { nestedStates } from './closures.js';
import { typeModuleVariables } from './module-vars.js';
import { collectModule, type ModuleSymbols } from './module.js';
import { ENTRY_FUNCTION, splitScript } from './script.js';
import { DiagnosticSink } from './report.js';
import { type FunctionSig, functionSignature } from './signatures.js';
import type { AnalysisResult, FunctionIR } from './types.js';

/** What analysis reads: ingest's result (its own diagnostics are not repeated). */
export type AnalysisInput = Pick<IngestResult, 'file' | 'source' | 'module'>;

/** `src/fib.py` → `fib`. */
export function moduleNameOf(file: string): string {
  return basename(file).replace(/\.pyi?$/, '');
}

export async function analyze(ingest: AnalysisInput, options: AnalysisOptions = {}): Promise<AnalysisResult> {
  return analyzeSync(ingest, options);
}

/** `script`: analyse for `portalis run` (top-level code runs; see script.ts). */
export interface AnalysisOptions {
  readonly script?: boolean;
}

export function analyzeSync(ingest: AnalysisInput, options: AnalysisOptions = {}): AnalysisResult {
  const { file, source } = ingest;
  const moduleName = moduleNameOf(file);
  if (ingest.module === null) return { file, source, moduleName, module: null, diagnostics: [] };

  const sink = new DiagnosticSink(file);
  const report = sink.report;
  const script = options.script ? splitScript(ingest.module, report) : null;
  const collected = collectModule(script ? { ...ingest.module, body: script.definitions } : ingest.module, report);
  const symbols: ModuleSymbols = script ? { ...collected, script: true, sysModules: script.sysModules } : collected;

  const sigs = new Map<string, FunctionSig>();
  for (const node of symbols.functions) sigs.set(node.name, functionSignature(node, source, report, script !== null));
  if (script) sigs.set(ENTRY_FUNCTION, functionSignature(script.entry, source, report, true));

  const { constants, types: constantTypes } = analyzeConstants(symbols, sigs, source, report);
  // Script mode: top-level names that change (module-vars.ts) are typed like constants.
  const variables = script ? typeModuleVariables(script.variables, symbols, sigs, constantTypes, source, report) : [];
  const ctx: ModuleContext = { source, symbols, sigs, constantTypes, variables: script ? new Set(script.variables.keys()) : undefined };

  const roots = [...sigs.values()].map((sig) => initFunction(sig, ctx));
  const states = [...roots, ...nestedStates(roots, ctx, report)]; // closures.ts
  inferTypes(states, ctx, report);
  const functions: FunctionIR[] = [];
  for (const state of states) {
    const fn = lowerFunction(state, ctx, report);
    if (fn) functions.push(fn);
  }

  const diagnostics = sink.sorted();
  const failed = diagnostics.some((d) => d.severity === 'error');
  return {
    file,
    source,
    moduleName,
    module: failed ? null : { name: moduleName, doc: symbols.doc, constants: [...constants, ...variables, ...(symbols.defaults?.values() ?? [])], functions, ...(script ? { entry: ENTRY_FUNCTION } : {}) },
    diagnostics,
  };
}
