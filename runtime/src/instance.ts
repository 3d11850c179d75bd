/**
 * One instantiated Portalis module and the state-word protocol of docs/abi.md.
 *
 * Generated glue holds one `PortalisInstance` (made once, with top-level
 * await) and per call does, inline:
 *
 *     try { result = wasm.exports.fib(n); } catch (e) { throw wasm.trapped(e, 'fib'); }
 *     if (wasm.state[wasm.stateIndex] !== 0) wasm.takeState('fib');
 *     return result;
 *
 * so the fast path is one `Int32Array` load and one compare. Everything else
 * lives here, off the fast path:
 *
 *  - `takeState` renews the view (memory growth detaches the old buffer, whose
 *    view then reads `undefined`), and turns state 1 into a thrown
 *    `PythonError` and state 2 into a `RangeError` (an int result that is not
 *    a safe JS number), calling `__portalis_clear` in both cases.
 *  - `trapped` maps a trap to `RecursionError` (engine stack exhausted) or
 *    `PortalisTrap` (anything else) and re-instantiates the module from its
 *    compiled `WebAssembly.Module`, so later calls start from a clean stack and
 *    clean module state.
 */

import { createPythonError, PortalisTrap, RecursionError } from './errors.js';
import { loadWasmModule, type WasmSource } from './load.js';

/**
 * The newest ABI version this runtime implements (`ModuleSpec.abiVersion`);
 * it runs version 1 modules (scalars only) too.
 */
export const ABI_VERSION = 2;

/** The exports of "Values in linear memory" that ABI 2 modules have (docs/abi.md). */
const WIRE_EXPORTS = ['__portalis_alloc', '__portalis_result_ptr', '__portalis_result_len'] as const;

/** The functions a Portalis module exports besides the user's (docs/abi.md). */
const SUPPORT_EXPORTS = [
  '__portalis_state_ptr',
  '__portalis_error_ptr',
  '__portalis_error_len',
  '__portalis_wide_result',
  '__portalis_clear',
] as const;

/** A module's exports as the glue sees them: functions by name, plus `memory`. */
export interface PortalisExports {
  readonly memory: WebAssembly.Memory;
  // Each user function has its own WASM signature; the glue checks arguments.
  readonly [name: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface InstantiateOptions {
  /** The ABI version the module was built for; rejected when this runtime does not implement it. */
  readonly abiVersion?: number;
}

/** Loads, compiles and instantiates a Portalis module. */
export async function instantiate(source: WasmSource, options: InstantiateOptions = {}): Promise<PortalisInstance> {
  if (options.abiVersion !== undefined && (options.abiVersion < 1 || options.abiVersion > ABI_VERSION)) {
    throw new Error(
      `this module needs Portalis ABI ${options.abiVersion}, but @portalis/runtime implements ABI ${ABI_VERSION}; ` +
        'rebuild the module or update @portalis/runtime',
    );
  }
  const module = await loadWasmModule(source);
  // The asynchronous form is allowed on a browser's main thread for any size.
  const instance = await WebAssembly.instantiate(module, {});
  if (options.abiVersion !== undefined && options.abiVersion >= 2) {
    for (const name of WIRE_EXPORTS) {
      if (typeof instance.exports[name] !== 'function') throw new Error(`not a Portalis module (ABI ${options.abiVersion}): missing export ${name}`);
    }
  }
  return new PortalisInstance(module, instance);
}

let utf8: TextDecoder | undefined;

export class PortalisInstance {
  /** The compiled module, kept to re-instantiate after a trap. */
  readonly module: WebAssembly.Module;
  /** The current instance; replaced after a trap. */
  instance!: WebAssembly.Instance;
  /** `instance.exports`; the glue reads functions from here on every call. */
  exports!: PortalisExports;
  /** A view on linear memory for the state word; renewed by `takeState`. */
  state!: Int32Array;
  /** Index of the state word in `state` (its address / 4). */
  stateIndex!: number;
  /** How many times the module was re-instantiated after a trap. */
  resets = 0;
  /**
   * ABI 2: views on the region `wireInput`/`wireResult` last chose (the
   * input buffer or the result), offsets relative to its start and bounded
   * by its length, so a bad offset throws instead of touching other memory.
   */
  wireView: DataView = new DataView(new ArrayBuffer(0));
  wireBytes: Uint8Array = new Uint8Array(0);

  private lazyExports: PortalisExports | null = null;

  /** Wraps an instance of `module`, or instantiates it synchronously when none is given. */
  constructor(module: WebAssembly.Module, instance?: WebAssembly.Instance) {
    this.module = module;
    this.adopt(instance ?? new WebAssembly.Instance(module, {}));
  }

  private adopt(instance: WebAssembly.Instance): void {
    const exports = instance.exports as PortalisExports;
    if (!(exports.memory instanceof WebAssembly.Memory)) {
      throw new Error('not a Portalis module (ABI 1): it does not export its memory');
    }
    for (const name of SUPPORT_EXPORTS) {
      if (typeof exports[name] !== 'function') {
        throw new Error(`not a Portalis module (ABI 1): missing export ${name}`);
      }
    }
    const pointer: number = exports.__portalis_state_ptr();
    if (pointer % 4 !== 0) throw new Error(`not a Portalis module (ABI 1): state word at unaligned address ${pointer}`);
    this.instance = instance;
    this.exports = exports;
    this.stateIndex = pointer >>> 2;
    this.state = new Int32Array(exports.memory.buffer);
  }

  /**
   * The slow path after a call, taken when the state word did not read 0.
   * Returns when the call in fact succeeded (the view was only stale after
   * memory growth); otherwise clears the state and throws.
   */
  takeState(functionName: string): void {
    const exports = this.exports;
    this.state = new Int32Array(exports.memory.buffer);
    const code = this.state[this.stateIndex];
    if (code === 0) return;
    if (code === 1) {
      const [pythonType, pythonMessage] = this.readErrorRecord();
      exports.__portalis_clear();
      throw createPythonError(pythonType, pythonMessage);
    }
    if (code === 2) {
      const value: bigint = exports.__portalis_wide_result();
      exports.__portalis_clear();
      throw new RangeError(
        `${functionName}() returned ${value}, which is not a safe integer for a JS number; ` +
          `build the module with intMode: 'bigint' to receive it as a bigint`,
      );
    }
    exports.__portalis_clear();
    throw new PortalisTrap(functionName, `unknown state word ${String(code)} (ABI mismatch)`);
  }

  /**
   * ABI 2: the module's input buffer for `size` bytes of encoded arguments.
   * Returns its address and points `wireView`/`wireBytes` at it.
   */
  wireInput(size: number): number {
    const exports = this.exports;
    const pointer: number = exports.__portalis_alloc(size);
    const buffer = exports.memory.buffer;
    this.wireView = new DataView(buffer, pointer, size);
    this.wireBytes = new Uint8Array(buffer, pointer, size);
    return pointer;
  }

  /** ABI 2: after a successful `__w` call, points the views at its encoded result; returns its length. */
  wireResult(): number {
    const exports = this.exports;
    const pointer: number = exports.__portalis_result_ptr();
    const length: number = exports.__portalis_result_len();
    const buffer = exports.memory.buffer;
    this.wireView = new DataView(buffer, pointer, length);
    this.wireBytes = new Uint8Array(buffer, pointer, length);
    return length;
  }

  /** ABI 2: an argument encoded longer than it measured (a getter returned something else the second time). */
  wireChanged(functionName: string): never {
    throw new TypeError(`${functionName}() arguments changed while they were being encoded`);
  }

  /** ABI 2: the glue read a result of another length than the module wrote (a Portalis bug). */
  wireMismatch(functionName: string, read: number, length: number): never {
    throw new PortalisTrap(functionName, `the encoded result is ${length} bytes but its type reads ${read} (ABI mismatch)`);
  }

  /** The pending exception record, `Type\nmessage`, split at the first newline. */
  readErrorRecord(): [pythonType: string, pythonMessage: string] {
    const pointer: number = this.exports.__portalis_error_ptr();
    const length: number = this.exports.__portalis_error_len();
    const bytes = new Uint8Array(this.exports.memory.buffer, pointer, length);
    const text = (utf8 ??= new TextDecoder('utf-8')).decode(bytes);
    const newline = text.indexOf('\n');
    return newline < 0 ? [text, ''] : [text.slice(0, newline), text.slice(newline + 1)];
  }

  /**
   * Called by the glue with whatever a WASM call threw. A trap re-instantiates
   * the module and becomes a `RecursionError` (stack exhausted) or a
   * `PortalisTrap`; any other error is returned unchanged. The caller throws
   * the result.
   */
  trapped(error: unknown, functionName: string): unknown {
    const overflow = isStackOverflow(error);
    if (!overflow && !(error instanceof WebAssembly.RuntimeError)) return error;
    this.reset();
    if (overflow) return new RecursionError('maximum recursion depth exceeded', { cause: error });
    return new PortalisTrap(functionName, (error as Error).message, { cause: error });
  }

  /**
   * Replaces the instance with a fresh one from the compiled module. If that
   * fails (for example, the JS stack is still nearly exhausted when a stack
   * overflow is caught), the next access to an export retries it first.
   */
  reset(): void {
    this.resets++;
    try {
      this.adopt(new WebAssembly.Instance(this.module, {}));
    } catch {
      this.exports = this.lazyExports ??= new Proxy(Object.create(null) as PortalisExports, {
        get: (_target, name) => {
          this.adopt(new WebAssembly.Instance(this.module, {}));
          return this.exports[name as string];
        },
      });
    }
  }
}

/** V8 and JavaScriptCore throw a RangeError, SpiderMonkey an InternalError. */
function isStackOverflow(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof RangeError) return /call stack/i.test(error.message);
  return error.name === 'InternalError' && /too much recursion/i.test(error.message);
}
