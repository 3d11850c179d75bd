/**
 * The plugin's state for one bundler instance: the compiler pool, the jobs in
 * flight, the last good result per file, and the `.d.ts` writer.
 *
 * - The pool is created on the first `.py` and closed by `close()` (the
 *   plugin calls it on buildEnd, closeBundle and dev-server close); a later
 *   compile (watch mode rebuild) creates a fresh one.
 * - One job per file: a compile of new source for a file aborts the running
 *   one (its AbortSignal reaches rustc), and whoever waited for the old job
 *   gets the new job's outcome, so a superseded request never surfaces a
 *   spurious "cancelled" error. Same source: the running job is shared.
 * - The last good result per file is kept in memory; compiling the same
 *   source again with the same target is answered from it.
 *
 * `compile()` never throws for user mistakes or a missing toolchain: the
 * outcome carries diagnostics. A failure of the pool itself (a Portalis bug)
 * becomes a PTL9001 diagnostic with the file, so the dev server lives on.
 */
import {
  createCompilerPool,
  diagnostic,
  type CompileOptions,
  type CompileResult,
  type CompilerPool,
  type Diagnostic,
} from '@portalis/actors';
import { dtsPathFor, DtsWriter } from './dts.js';
import { PLUGIN_NAME, type ResolvedOptions } from './options.js';

/** What the bundler does with the WASM bytes of a module. */
export type WasmTarget = 'inline' | 'file';

export type CompileOutcome =
  | {
      ok: true;
      file: string;
      source: string;
      /** The ES module (imports the runtime; in `file` target it references `wasmFileName` next to itself). */
      js: string;
      dts: string;
      wasm: Uint8Array;
      /** Set in `file` target: the name the JS expects the `.wasm` under, relative to itself. */
      wasmFileName: string | null;
      /** Warnings and notes of the compile. */
      diagnostics: Diagnostic[];
      /** True when answered from this context's memory (no pool round trip). */
      fromMemory: boolean;
    }
  | { ok: false; file: string; source: string; diagnostics: Diagnostic[]; cancelled: boolean };

interface Job {
  source: string;
  target: WasmTarget;
  controller: AbortController;
  settled: boolean;
  promise: Promise<CompileOutcome>;
}

export interface ContextHooks {
  /** Told when a `.d.ts` cannot be written. Default: a console warning. */
  onDtsError?: (path: string, error: Error) => void;
}

export class PortalisContext {
  readonly options: ResolvedOptions;
  #pool: CompilerPool | undefined;
  /** The most recent job per file, running or settled. */
  readonly #latest = new Map<string, Job>();
  readonly #lastGood = new Map<string, CompileOutcome & { ok: true; target: WasmTarget }>();
  readonly #dts: DtsWriter;
  /** Every file compiled so far: the `.py` modules this plugin owns (for HMR). */
  readonly files = new Set<string>();

  constructor(options: ResolvedOptions, hooks: ContextHooks = {}) {
    this.options = options;
    this.#dts = new DtsWriter(
      hooks.onDtsError ?? ((path, error) => console.warn(`[${PLUGIN_NAME}] cannot write ${path}: ${error.message}`)),
    );
  }

  /** True once the pool exists (tests check it is created lazily and closed). */
  get poolOpen(): boolean {
    return this.#pool !== undefined;
  }

  /** The options passed to the compiler for a target. */
  compileOptions(target: WasmTarget, file: string): CompileOptions {
    const { intMode, optLevel, cacheDir, runtimeImport } = this.options;
    return {
      intMode,
      optLevel,
      runtimeImport,
      wasm: target,
      ...(target === 'file' ? { wasmFileName: `${stem(file)}.wasm` } : {}),
      ...(cacheDir !== undefined ? { cacheDir } : {}),
    };
  }

  /** Compiles `source` (the text of `file`) for `target`; see the file comment for sharing and cancellation. */
  compile(file: string, source: string, target: WasmTarget): Promise<CompileOutcome> {
    this.files.add(file);
    const good = this.#lastGood.get(file);
    if (good && good.source === source && good.target === target) {
      return Promise.resolve({ ...good, fromMemory: true });
    }
    const latest = this.#latest.get(file);
    if (latest && !latest.settled && latest.source === source && latest.target === target) return latest.promise;
    latest?.controller.abort();

    const controller = new AbortController();
    const job: Job = { source, target, controller, settled: false, promise: Promise.resolve(null as never) };
    job.promise = this.#run(file, source, target, controller.signal).then((outcome) => {
      job.settled = true;
      if (outcome.ok || !outcome.cancelled) return outcome;
      // Cancelled by a newer compile of this file: answer with that one. Cancelled by close(): say so.
      const newer = this.#latest.get(file);
      return newer && newer !== job ? newer.promise : outcome;
    });
    this.#latest.set(file, job);
    return job.promise;
  }

  async #run(file: string, source: string, target: WasmTarget, signal: AbortSignal): Promise<CompileOutcome> {
    let result: CompileResult;
    try {
      this.#pool ??= createCompilerPool(this.options.maxThreads !== undefined ? { maxThreads: this.options.maxThreads } : {});
      result = await this.#pool.compile({ file, source }, this.compileOptions(target, file), { signal });
    } catch (error) {
      if (signal.aborted) return cancelled(file, source);
      const message = `the compiler pool failed on ${file}: ${(error as Error)?.stack ?? String(error)}`;
      const d = diagnostic({ code: 'PTL9001', file, stage: 'build', message });
      return { ok: false, file, source, diagnostics: [d], cancelled: false };
    }
    if (result.cancelled || signal.aborted) return cancelled(file, source);
    if (!result.ok || !result.output) return { ok: false, file, source, diagnostics: result.diagnostics, cancelled: false };

    const { js, dts, wasm, wasmFileName } = result.output;
    const outcome = {
      ok: true as const,
      file,
      source,
      js,
      dts,
      wasm,
      wasmFileName,
      diagnostics: result.diagnostics,
      fromMemory: false,
    };
    this.#lastGood.set(file, { ...outcome, target });
    if (this.options.dts) this.#dts.schedule(dtsPathFor(file), dts);
    return outcome;
  }

  /** Writes pending `.d.ts` files now. */
  flushDts(): Promise<void> {
    return this.#dts.flush();
  }

  /**
   * Aborts running compiles, writes pending `.d.ts` files and closes the
   * pool. Idempotent; a later `compile()` opens a new pool.
   */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    for (const job of this.#latest.values()) if (!job.settled) job.controller.abort();
    await Promise.all([this.#dts.flush(), pool?.close()]);
  }
}

function cancelled(file: string, source: string): CompileOutcome {
  const d = diagnostic({ code: 'PTL4004', file, stage: 'build', message: 'compile cancelled: the build was closed while this file was compiling' });
  return { ok: false, file, source, diagnostics: [d], cancelled: true };
}

/** The module's file name without `.py`, reduced to the characters an asset name may hold. */
function stem(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return base.replace(/\.py$/, '').replace(/[^\w.-]/g, '_') || 'module';
}
