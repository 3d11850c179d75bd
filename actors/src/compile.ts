/**
 * `compileModule`: one `.py` file through the pipeline machine, in this thread.
 *
 * This is what a worker of the compiler pool runs for each job, and what tests
 * and single-file tools call directly. Aborting `signal` stops the machine,
 * which aborts the running stage (and with it rustc or python3); the result
 * then says `cancelled` with a PTL4004 diagnostic instead of throwing.
 */
import { createActor, toPromise } from 'xstate';
import { diagnostic } from './diagnostics/diagnostic.js';
import { pipelineMachine } from './pipeline.machine.js';
import type { CompileInput, CompileOptions, CompileResult } from './compile-types.js';

export async function compileModule(
  input: CompileInput,
  options: CompileOptions = {},
  opts: { signal?: AbortSignal } = {},
): Promise<CompileResult> {
  const { signal } = opts;
  if (signal?.aborted) return cancelledResult(input);
  const actor = createActor(pipelineMachine, { input: { input, options } });
  const finished = toPromise(actor);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<CompileResult>((resolve) => {
    onAbort = () => {
      resolve(cancelledResult(input));
      actor.stop();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  actor.start();
  try {
    // A stopped actor settles `finished` without output; that is a cancellation too.
    const result = await Promise.race([finished, aborted]);
    return (result as CompileResult | undefined) ?? cancelledResult(input);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    actor.stop();
  }
}

function cancelledResult(input: CompileInput): CompileResult {
  return {
    ok: false,
    file: input.file,
    source: input.source ?? '',
    diagnostics: [diagnostic({ code: 'PTL4004', stage: 'build', file: input.file, severity: 'note', message: 'compile cancelled' })],
    failedStage: null,
    cancelled: true,
    cached: false,
    timings: {},
  };
}
