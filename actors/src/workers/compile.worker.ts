/**
 * The piscina worker: runs one compile job through the pipeline machine.
 *
 * The job's MessagePort carries cancellation from the pool. On `'abort'` the
 * machine is stopped, which aborts the running stage and kills its child
 * processes; the job then resolves as cancelled. The WASM bytes of the result
 * are moved back to the main thread, not copied.
 */
import { Piscina } from 'piscina';
import { compileModule } from '../compile.js';
import { ABORT_MESSAGE, type CompileJob } from './protocol.js';

export default async function compileJob(job: CompileJob): Promise<unknown> {
  const controller = new AbortController();
  job.port.on('message', (message: unknown) => {
    if (message === ABORT_MESSAGE) controller.abort();
  });
  try {
    const result = await compileModule(job.input, job.options, { signal: controller.signal });
    const wasm = result.output?.wasm;
    // Move the WASM buffer back instead of copying it (only when we own the whole buffer).
    if (wasm && wasm.byteOffset === 0 && wasm.byteLength === wasm.buffer.byteLength && wasm.buffer instanceof ArrayBuffer) {
      const movable = { [Piscina.transferableSymbol]: wasm.buffer, [Piscina.valueSymbol]: result };
      return Piscina.move(movable as unknown as ArrayBuffer);
    }
    return result;
  } finally {
    job.port.close();
  }
}
