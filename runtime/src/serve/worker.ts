/**
 * The code a model worker thread runs, and the messages it exchanges.
 *
 * `workerMain` is shipped to the thread as source text (`eval: true`), so the
 * pool needs no separate worker file in either the TypeScript sources or
 * dist/. It instantiates the model's WASM once and, per job, calls the served
 * function once per batch element following docs/abi.md: ints cross as i64
 * through the `__wide` export, floats as f64, bools as i32; after each call
 * the state word is read, and a pending Python exception (the `Type\nmessage`
 * record) ends the job with that exception. A trap re-instantiates the
 * module. Runaway calls are the pool's business: it terminates the thread.
 */

/** One batch: a column per parameter (BigInt64Array for int, Float64Array for float, Uint8Array for bool). */
export interface JobMessage {
  readonly id: number;
  readonly count: number;
  readonly columns: readonly (BigInt64Array | Float64Array | Uint8Array)[];
}

export type ResultMessage =
  | { readonly id: number; readonly ok: true; readonly result: BigInt64Array | Float64Array | Uint8Array | null }
  | { readonly id: number; readonly ok: false; readonly type: string; readonly message: string; readonly index: number };

export function workerMain(): void {
  // Runs as a CommonJS script inside the worker thread: `require` is the worker's.
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const plan = workerData.plan as import('./repository.js').FunctionPlan;
  const module = new WebAssembly.Module(workerData.wasm as Uint8Array<ArrayBuffer>);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let exports: any;
  let state: Int32Array;
  let stateIndex = 0;
  const fresh = () => {
    exports = new WebAssembly.Instance(module, {}).exports;
    stateIndex = exports.__portalis_state_ptr() >>> 2;
    state = new Int32Array(exports.memory.buffer);
  };
  fresh();
  const decoder = new TextDecoder('utf-8');
  parentPort!.on('message', (job: JobMessage) => {
    const fn = exports[plan.exportName];
    const count = job.count;
    const result =
      plan.returns === 'int' ? new BigInt64Array(count) : plan.returns === 'float' ? new Float64Array(count) : plan.returns === 'bool' ? new Uint8Array(count) : null;
    const args: unknown[] = new Array(plan.params.length);
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < args.length; k++) args[k] = job.columns[k]![i];
      let value: unknown;
      try {
        value = fn(...args);
      } catch (error) {
        const overflow = error instanceof RangeError && /call stack/i.test(error.message);
        const trap = overflow || error instanceof WebAssembly.RuntimeError;
        if (trap) fresh();
        parentPort!.postMessage({
          id: job.id,
          ok: false,
          type: overflow ? 'RecursionError' : trap ? 'PortalisTrap' : 'Error',
          message: overflow ? 'maximum recursion depth exceeded' : String((error as Error)?.message ?? error),
          index: i,
        } satisfies ResultMessage);
        return;
      }
      if (state[stateIndex] !== 0) {
        state = new Int32Array(exports.memory.buffer);
        const code = state[stateIndex];
        if (code !== 0) {
          let type = 'SystemError';
          let message = `unknown state word ${code}`;
          if (code === 1) {
            const text = decoder.decode(new Uint8Array(exports.memory.buffer, exports.__portalis_error_ptr(), exports.__portalis_error_len()));
            const nl = text.indexOf('\n');
            type = nl < 0 ? text : text.slice(0, nl);
            message = nl < 0 ? '' : text.slice(nl + 1);
          }
          exports.__portalis_clear();
          parentPort!.postMessage({ id: job.id, ok: false, type, message, index: i } satisfies ResultMessage);
          return;
        }
      }
      if (result) result[i] = (plan.returns === 'bool' ? (value ? 1 : 0) : value) as never;
    }
    parentPort!.postMessage({ id: job.id, ok: true, result } satisfies ResultMessage, result ? [result.buffer] : []);
  });
}
