/**
 * The Portalis side of a conformance run: the packaged ES module loaded in a
 * worker thread (node:worker_threads), called one case at a time.
 *
 * A runaway loop inside WASM cannot be interrupted from its own thread, so
 * each call has a timer on the main thread: when it fires, the worker is
 * terminated (V8 stops WASM code at loop back-edges) and the call reported as
 * a timeout; the next call starts a fresh worker. The worker reports raw JS
 * results (a bigint, a number's bits, a boolean, undefined) and thrown errors
 * as plain fields (`name`, `message`, `pythonType`, `pythonMessage`), since
 * Error subclasses do not survive postMessage; conformance.ts turns them into
 * Python outcomes using the spec.
 */
import { Worker } from 'node:worker_threads';
import type { PyValue } from './types.js';

/** A JS value returned by a packaged function, encoded exactly. */
export type JsResult =
  | { readonly js: 'bigint'; readonly v: string }
  | { readonly js: 'number'; readonly bits: string }
  | { readonly js: 'boolean'; readonly v: boolean }
  | { readonly js: 'undefined' }
  | { readonly js: 'other'; readonly repr: string };

export interface JsError {
  readonly name: string;
  readonly message: string;
  readonly pythonType: string | null;
  readonly pythonMessage: string | null;
}

export type JsOutcome =
  | { readonly kind: 'return'; readonly result: JsResult; readonly ms: number }
  | { readonly kind: 'throw'; readonly error: JsError; readonly ms: number }
  | { readonly kind: 'timeout'; readonly ms: number }
  /** The worker died (out of memory, crashed) during the call. */
  | { readonly kind: 'died'; readonly message: string };

/** Runs inside the worker (CommonJS, `eval: true`); kept as plain JS so it needs no build step. */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const view = new DataView(new ArrayBuffer(8));

function decodeArg(a) {
  if (a.kind === 'int') return BigInt(a.value);
  if (a.kind === 'float') { view.setBigUint64(0, BigInt('0x' + a.bits)); return view.getFloat64(0); }
  if (a.kind === 'bool') return a.value;
  throw new Error('cannot pass a ' + a.kind + ' argument');
}

function encodeResult(r) {
  switch (typeof r) {
    case 'bigint': return { js: 'bigint', v: r.toString() };
    case 'number': view.setFloat64(0, r); return { js: 'number', bits: view.getBigUint64(0).toString(16).padStart(16, '0') };
    case 'boolean': return { js: 'boolean', v: r };
    case 'undefined': return { js: 'undefined' };
    default: { let s; try { s = String(r); } catch { s = '?'; } return { js: 'other', repr: typeof r + ' ' + s.slice(0, 200) }; }
  }
}

function describeError(e) {
  if (e !== null && typeof e === 'object') {
    return {
      name: String(e.name),
      message: String(e.message),
      pythonType: typeof e.pythonType === 'string' ? e.pythonType : null,
      pythonMessage: typeof e.pythonMessage === 'string' ? e.pythonMessage : null,
    };
  }
  return { name: typeof e, message: String(e), pythonType: null, pythonMessage: null };
}

import(workerData.moduleUrl).then((mod) => {
  parentPort.on('message', async (req) => {
    const fn = mod[req.fn];
    if (typeof fn !== 'function') {
      parentPort.postMessage({ id: req.id, kind: 'throw', ms: 0, error: { name: 'PortalisConformance', message: 'the packaged module has no export ' + req.fn, pythonType: null, pythonMessage: null } });
      return;
    }
    const args = req.args.map(decodeArg);
    const t0 = performance.now();
    try {
      let r = fn(...args);
      if (r !== null && typeof r === 'object' && typeof r.then === 'function') r = await r;
      parentPort.postMessage({ id: req.id, kind: 'return', result: encodeResult(r), ms: performance.now() - t0 });
    } catch (e) {
      parentPort.postMessage({ id: req.id, kind: 'throw', error: describeError(e), ms: performance.now() - t0 });
    }
  });
  parentPort.postMessage({ ready: true, exports: Object.keys(mod) });
}, (e) => {
  const d = describeError(e);
  parentPort.postMessage({ loadError: d.name + ': ' + d.message });
});
`;

/** A worker with the packaged module loaded; replaced after a timeout or crash. */
export class WasmWorker {
  private nextId = 1;
  private current: { id: number; resolve: (o: JsOutcome) => void } | null = null;
  private dead = false;
  private deathReason = '';

  private constructor(
    private readonly worker: Worker,
    readonly exportNames: readonly string[],
  ) {
    worker.on('message', (msg: { id?: number; kind?: string; result?: JsResult; error?: JsError; ms?: number }) => {
      const c = this.current;
      if (!c || msg.id !== c.id) return;
      this.current = null;
      if (msg.kind === 'return') c.resolve({ kind: 'return', result: msg.result as JsResult, ms: msg.ms ?? 0 });
      else c.resolve({ kind: 'throw', error: msg.error as JsError, ms: msg.ms ?? 0 });
    });
    worker.on('error', (err) => this.die(`the worker failed: ${err.message}`));
    worker.on('exit', (code) => this.die(`the worker exited with status ${code}`));
  }

  /** Starts a worker and imports the module; rejects when the module does not load (a Portalis bug). */
  static start(moduleUrl: string): Promise<WasmWorker> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { moduleUrl },
        resourceLimits: { maxOldGenerationSizeMb: 512 },
        stdout: false,
        stderr: false,
      });
      const onMessage = (msg: { ready?: boolean; exports?: string[]; loadError?: string }) => {
        cleanup();
        if (msg.ready) resolve(new WasmWorker(worker, msg.exports ?? []));
        else {
          void worker.terminate();
          reject(new Error(`the packaged module does not load: ${msg.loadError}`));
        }
      };
      const onError = (err: Error) => {
        cleanup();
        reject(new Error(`the conformance worker failed to start: ${err.message}`));
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`the conformance worker exited with status ${code} while loading the module`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** Calls `fn(...args)` with a time limit; on timeout the worker is terminated (and so no longer alive). */
  call(fn: string, args: readonly PyValue[], timeoutMs: number): Promise<JsOutcome> {
    if (this.dead) return Promise.resolve({ kind: 'died', message: this.deathReason });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const started = Date.now();
      const timer = setTimeout(() => {
        if (this.current?.id !== id) return;
        this.current = null;
        this.dead = true;
        this.deathReason = 'terminated after a timeout';
        void this.worker.terminate();
        resolve({ kind: 'timeout', ms: Date.now() - started });
      }, timeoutMs);
      this.current = {
        id,
        resolve: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      };
      this.worker.postMessage({ id, fn, args });
    });
  }

  terminate(): Promise<number> {
    this.dead = true;
    this.deathReason ||= 'terminated';
    return this.worker.terminate();
  }

  private die(reason: string): void {
    if (this.dead && !this.current) return;
    this.dead = true;
    this.deathReason ||= reason;
    const c = this.current;
    this.current = null;
    c?.resolve({ kind: 'died', message: reason });
  }
}
