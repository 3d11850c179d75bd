/**
 * The message contract between the compiler pool (main thread) and
 * `compile.worker.ts`. Everything here is structured-cloneable plain data;
 * diagnostics cross as data, never as live Error objects.
 */
import type { MessagePort } from 'node:worker_threads';
import type { CompileInput, CompileOptions, CompileResult } from '../compile-types.js';

export interface CompileJob {
  readonly input: CompileInput;
  readonly options: CompileOptions;
  /**
   * Cancellation channel: the pool posts `'abort'` here. Cancellation is
   * cooperative so the worker can kill rustc/python3 before it lets go; a
   * thread terminated from outside would leave those processes running.
   */
  readonly port: MessagePort;
}

export type CompileJobResult = CompileResult;

export const ABORT_MESSAGE = 'abort';
