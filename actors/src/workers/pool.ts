/**
 * The compiler pool: compile jobs on piscina worker threads.
 *
 * Created lazily (no threads until the first job) and closed deterministically
 * by its owner (the CLI when it is done, the bundler plugin on buildEnd or
 * when the dev server closes). Cancelling a job posts `'abort'` on the job's
 * own MessagePort; the worker stops its pipeline machine, which kills rustc
 * and python3, and the job resolves as cancelled. A job cancelled while still
 * queued finds its abort message waiting when it reaches a thread and stops
 * before its first stage finishes.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { CompileInput, CompileOptions, CompileResult } from '../compile-types.js';
import { ABORT_MESSAGE, type CompileJob } from './protocol.js';

export interface CompilerPoolOptions {
  /** Worker threads; default: available parallelism minus one, at least 1, at most 4. */
  readonly maxThreads?: number;
  /** Milliseconds an idle thread lives; default 30 s. */
  readonly idleTimeout?: number;
}

export interface CompilerPool {
  compile(input: CompileInput, options?: CompileOptions, opts?: { signal?: AbortSignal }): Promise<CompileResult>;
  /** Waits for running jobs, then stops the threads. Idempotent. */
  close(): Promise<void>;
  /** Stops the threads now; running jobs are abandoned. Idempotent. */
  destroy(): Promise<void>;
  /** Number of threads currently alive (0 before the first job). */
  readonly threads: number;
}

/**
 * Running from TypeScript sources (tests, `tsx`) the worker file is `.ts` and
 * needs the tsx loader; from the built package it is plain JS.
 */
function workerLocation(): { filename: string; execArgv: string[] } {
  const self = new URL(import.meta.url);
  const fromSource = self.pathname.endsWith('.ts');
  const filename = new URL(fromSource ? './compile.worker.ts' : './compile.worker.js', self).href;
  return { filename, execArgv: fromSource ? ['--import', 'tsx'] : [] };
}

export function defaultThreadCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export function createCompilerPool(options: CompilerPoolOptions = {}): CompilerPool {
  const maxThreads = options.maxThreads ?? defaultThreadCount();
  if (!Number.isInteger(maxThreads) || maxThreads < 1) {
    throw new TypeError(`createCompilerPool: maxThreads must be a positive integer, got ${String(options.maxThreads)}`);
  }
  let piscina: Piscina | null = null;
  let closed = false;

  const ensurePool = (): Piscina => {
    if (closed) throw new Error('the Portalis compiler pool is closed');
    if (!piscina) {
      const { filename, execArgv } = workerLocation();
      piscina = new Piscina({
        filename,
        execArgv,
        minThreads: 0,
        maxThreads,
        idleTimeout: options.idleTimeout ?? 30_000,
        // Type inference on a pathological file must not take the bundler down with it.
        resourceLimits: { maxOldGenerationSizeMb: 1024 },
      });
    }
    return piscina;
  };

  return {
    get threads() {
      return piscina?.threads.length ?? 0;
    },
    async compile(input, compileOptions = {}, { signal } = {}) {
      const pool = ensurePool();
      const { port1, port2 } = new MessageChannel();
      const onAbort = () => port1.postMessage(ABORT_MESSAGE);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const job: CompileJob = { input, options: compileOptions, port: port2 };
        return (await pool.run(job, { transferList: [port2] })) as CompileResult;
      } finally {
        signal?.removeEventListener('abort', onAbort);
        port1.close();
      }
    },
    async close() {
      closed = true;
      const pool = piscina;
      piscina = null;
      await pool?.close();
    },
    async destroy() {
      closed = true;
      const pool = piscina;
      piscina = null;
      await pool?.destroy();
    },
  };
}
