/**
 * The *test* stage: runs a module's exported functions under CPython and as
 * packaged WASM on the same inputs, and compares what each side did.
 *
 * Input: the .py source, its ModuleSpec and the built WASM. Output: a
 * ConformanceReport (types.ts) with a verdict per case (judge.ts) and
 * PTL5001/5002 diagnostics at each disagreeing function's `def`.
 *
 * One `python3` process serves the whole report (python-runner.ts); the WASM
 * runs in a worker thread (wasm-runner.ts), packaged in bigint int mode so
 * ints compare exactly. Cases run one after the other: CPython first, and
 * the WASM only when CPython gave something to compare with (a CPython
 * timeout is a skip on both sides). The AbortSignal kills the process and the
 * worker and rejects with an AbortError.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { packageModule } from '../package/package.js';
import type { ExportSpec, ModuleSpec, PyReturn } from '../spec/types.js';
import { buildDiagnostics, summarize } from './diagnostics.js';
import { coerceCase, DEFAULT_MAX_CASES, DEFAULT_SEED, generateCases, type InputCase } from './inputs.js';
import { judge, needsDeepPython, needsPortalis, needsWidthProbe } from './judge.js';
import { startPython, type PythonSession } from './python-runner.js';
import type { CaseReport, ConformanceOptions, ConformanceReport, FunctionReport, Outcome } from './types.js';
import { pyCall } from './values.js';
import { toOutcome } from './wasm-outcome.js';
import { WasmWorker } from './wasm-runner.js';

export const DEFAULT_TIMEOUT_MS = 1000;
/** The WASM side gets this many times the CPython limit: it should be much faster, never slower. */
const WASM_TIMEOUT_FACTOR = 2;
/**
 * After this many Portalis timeouts in one function (each a mismatch already),
 * its remaining cases are skipped rather than each waiting for the limit.
 */
const MAX_PORTALIS_TIMEOUTS = 3;

export interface ConformanceInput {
  readonly file: string;
  readonly source: string;
  readonly spec: ModuleSpec;
  readonly wasm: Uint8Array;
  readonly options?: ConformanceOptions;
}

export async function checkConformance(input: ConformanceInput, opts: { signal?: AbortSignal } = {}): Promise<ConformanceReport> {
  return runConformance(
    {
      file: input.file,
      source: input.source,
      spec: input.spec,
      ...(input.options ? { options: input.options } : {}),
      loadModule: async (dir) => {
        const { js } = await packageModule({
          spec: input.spec,
          wasm: input.wasm,
          options: { wasm: 'inline', intMode: 'bigint', runtimeImport: runtimeUrl() },
        });
        const path = join(dir, `${input.spec.module}.portalis.mjs`);
        await writeFile(path, js);
        return pathToFileURL(path).href;
      },
    },
    opts,
  );
}

/** The file URL of @portalis/runtime's entry point, which the packaged module imports. */
export function runtimeUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('@portalis/runtime')).href;
}

export interface RunConformanceInput {
  readonly file: string;
  readonly source: string;
  readonly spec: ModuleSpec;
  readonly options?: ConformanceOptions;
  /**
   * Writes the module the worker imports into `dir` (a fresh temporary
   * directory) and returns its URL. `checkConformance` packages the WASM with
   * the package stage; tests may pass a hand-written module.
   */
  readonly loadModule: (dir: string) => Promise<string>;
}

interface Plan {
  readonly fn: ExportSpec;
  /** Cases to run, and explicit cases that could not be converted (`invalid` says why). */
  readonly cases: readonly (PlannedCase | { readonly call: string; readonly invalid: string })[];
}

type PlannedCase = InputCase & { readonly call: string };

/** checkConformance with the module-loading step supplied by the caller. */
export async function runConformance(input: RunConformanceInput, opts: { signal?: AbortSignal } = {}): Promise<ConformanceReport> {
  const started = performance.now();
  const { signal } = opts;
  const options = input.options ?? {};
  const timeoutMs = Math.max(1, Math.floor(options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
  const python = options.python ?? process.env.PORTALIS_PYTHON ?? 'python3';
  signal?.throwIfAborted();
  const plans = planCases(input.spec, options);

  const dir = await mkdtemp(join(tmpdir(), 'portalis-conformance-'));
  const live: { python: PythonSession | null; worker: WasmWorker | null } = { python: null, worker: null };
  const onAbort = () => {
    live.python?.kill();
    void live.worker?.terminate();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const modulePath = join(dir, sourceFileName(input.file, input.spec.module));
    await writeFile(modulePath, input.source);
    const startPy = () => startPython({ python, modulePath, moduleName: input.spec.module, timeoutMs });

    const first = await startPy();
    if (first.kind === 'ready') live.python = first.session;
    signal?.throwIfAborted();
    const base = { file: input.file, module: input.spec.module, timeoutMs };
    const skipped = (skipReason: string, diagnostics: ConformanceReport['diagnostics']): ConformanceReport => ({
      ...base,
      status: 'skipped',
      skipReason,
      ok: true,
      python: null,
      functions: [],
      summary: { cases: 0, pass: 0, mismatch: 0, limit: 0, skip: 0 },
      diagnostics,
      durationMs: performance.now() - started,
    });
    if (first.kind === 'missing') {
      return skipped(`no working python3: ${python} (${first.message})`, [
        buildDiagnostics.pythonMissing(input.file, python, first.message),
      ]);
    }
    if (first.kind === 'failed') {
      return skipped(`the module does not run under CPython: ${first.message}`, [
        buildDiagnostics.importFailed(input.file, first.message),
      ]);
    }
    const pythonInfo = { executable: first.executable, version: first.version };

    const moduleUrl = await input.loadModule(dir);
    signal?.throwIfAborted();
    live.worker = await WasmWorker.start(moduleUrl);

    const functions: FunctionReport[] = [];
    for (const plan of plans) {
      const cases: CaseReport[] = [];
      const inPython = first.functions.includes(plan.fn.name);
      let portalisTimeouts = 0;
      for (const c of plan.cases) {
        signal?.throwIfAborted();
        const skip = !inPython
          ? `the module has no function ${plan.fn.name} under CPython`
          : 'invalid' in c ? `invalid explicit case: ${c.invalid}` : null;
        if (skip !== null || 'invalid' in c) {
          const args = 'invalid' in c ? [] : c.args;
          const origin = 'invalid' in c ? 'explicit' : c.origin;
          cases.push({ args, call: c.call, origin, verdict: 'skip', python: null, portalis: null, reason: skip ?? '' });
          continue;
        }
        const result = await runCase(plan.fn, c, { live, startPy, moduleUrl, timeoutMs, signal, portalisTimeouts });
        if (result.portalis?.kind === 'timeout') portalisTimeouts++;
        cases.push(result);
      }
      functions.push({ name: plan.fn.name, line: plan.fn.line, params: plan.fn.params, returns: plan.fn.returns as PyReturn, cases, summary: summarize(cases) });
    }
    const summary = summarize(functions.flatMap((f) => f.cases));
    return {
      ...base,
      status: 'ran',
      ok: summary.mismatch === 0,
      python: pythonInfo,
      functions,
      summary,
      diagnostics: buildDiagnostics.forFunctions(input.file, input.source, functions),
      durationMs: performance.now() - started,
    };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    live.python?.kill();
    await live.worker?.terminate();
    await rm(dir, { recursive: true, force: true });
  }
}

interface CaseContext {
  readonly live: { python: PythonSession | null; worker: WasmWorker | null };
  readonly startPy: () => ReturnType<typeof startPython>;
  readonly moduleUrl: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** How many calls of this function already timed out under Portalis. */
  readonly portalisTimeouts: number;
}

async function runCase(fn: ExportSpec, c: PlannedCase, ctx: CaseContext): Promise<CaseReport> {
  const { live } = ctx;
  const head = { args: c.args, call: c.call, origin: c.origin };

  // A call that hung in C code got the process killed: start a fresh one.
  let session = live.python;
  if (!session?.alive) {
    const restarted = await ctx.startPy();
    if (restarted.kind === 'ready') live.python = restarted.session;
    ctx.signal?.throwIfAborted();
    if (restarted.kind !== 'ready') {
      return { ...head, verdict: 'skip', python: null, portalis: null, reason: `CPython could not be restarted: ${restarted.message}` };
    }
    session = restarted.session;
  }
  const python = await session.call(fn.name, c.args, fn.returns as PyReturn);
  ctx.signal?.throwIfAborted();
  // CPython stopped at its default recursion limit: what does it compute when
  // it may recurse deeper? Asked before running the WASM, so that a runaway
  // recursion (a naive fib(1000)) costs one timeout, not two.
  let pythonDeep: Outcome | undefined;
  if (needsDeepPython(python) && session.alive) {
    pythonDeep = await session.call(fn.name, c.args, fn.returns as PyReturn, true);
    ctx.signal?.throwIfAborted();
  }

  let portalis: Outcome | null = null;
  let wide: boolean | null | undefined;
  if (needsPortalis(python, pythonDeep) && ctx.portalisTimeouts >= MAX_PORTALIS_TIMEOUTS) {
    const reason = `not run under Portalis, which already timed out on ${MAX_PORTALIS_TIMEOUTS} inputs of ${fn.name}() where CPython finished`;
    return { ...head, verdict: 'skip', python, ...(pythonDeep ? { pythonDeep } : {}), portalis: null, reason };
  }
  if (needsPortalis(python, pythonDeep)) {
    if (!live.worker?.alive) {
      live.worker = await WasmWorker.start(ctx.moduleUrl);
      ctx.signal?.throwIfAborted();
    }
    const raw = await live.worker.call(fn.name, c.args, ctx.timeoutMs * WASM_TIMEOUT_FACTOR);
    ctx.signal?.throwIfAborted();
    portalis = toOutcome(fn.returns as PyReturn, raw);
    if (needsWidthProbe(python, pythonDeep, portalis) && session.alive) {
      const probe = await session.probe(fn.name, c.args, fn.returns as PyReturn, pythonDeep !== undefined);
      ctx.signal?.throwIfAborted();
      wide = probe ? probe.wide : null;
    }
  }
  const j = judge({ python, ...(pythonDeep ? { pythonDeep } : {}), portalis, wide });
  return {
    ...head,
    verdict: j.verdict,
    ...(j.code ? { code: j.code } : {}),
    python,
    ...(pythonDeep ? { pythonDeep } : {}),
    portalis,
    ...(j.reason ? { reason: j.reason } : {}),
  };
}

function planCases(spec: ModuleSpec, options: ConformanceOptions): Plan[] {
  const only = options.functions ? new Set(options.functions) : null;
  const maxCases = options.maxCases ?? DEFAULT_MAX_CASES;
  const seed = options.seed ?? DEFAULT_SEED;
  return spec.exports
    // Only scalar functions so far: inputs and outcomes for str and containers ('wire' exports) are not generated yet.
    .filter((fn) => fn.boundary !== 'wire' && (!only || only.has(fn.name)))
    .map((fn) => {
      const cases: Plan['cases'][number][] = [];
      for (const raw of options.cases?.[fn.name] ?? []) {
        const coerced = coerceCase(fn.params, raw);
        if ('error' in coerced) cases.push({ invalid: coerced.error, call: `${fn.name}(${raw.map(String).join(', ')})` });
        else cases.push({ args: coerced.args, origin: 'explicit', call: pyCall(fn.name, coerced.args) });
      }
      if (options.generate !== false) {
        for (const g of generateCases(fn.name, fn.params, { maxCases, seed })) cases.push({ ...g, call: pyCall(fn.name, g.args) });
      }
      return { fn, cases };
    })
    // With `generate: false`, functions without explicit cases are left out.
    .filter((plan) => plan.cases.length > 0);
}

/** The file the harness imports: the original base name when it is a plain `.py` name. */
function sourceFileName(file: string, module: string): string {
  const name = basename(file);
  return /^[A-Za-z_][A-Za-z0-9_]*\.py$/.test(name) ? name : `${module}.py`;
}
