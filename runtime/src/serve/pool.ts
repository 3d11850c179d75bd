/**
 * A pool of worker threads for one model (instance_group count workers).
 *
 * Jobs queue FIFO and go to the first idle worker. Each job has a time limit:
 * when it runs out (an infinite loop in the model) the worker is terminated
 * and replaced, that job fails with a `TimeoutError`, and the pool keeps
 * serving. A worker that dies on its own fails its job the same way.
 */
import { Worker } from 'node:worker_threads';
import type { FunctionPlan } from './repository.js';
import { workerMain, type JobMessage, type ResultMessage } from './worker.js';

const WORKER_SOURCE = `(${workerMain.toString()})()`;

export class TimeoutError extends Error {}

/** The worker's answer and how long the job waited for a free worker. */
export interface PoolResult {
  readonly answer: ResultMessage;
  readonly queueNs: number;
}

interface Pending {
  readonly job: JobMessage;
  readonly timeoutMs: number;
  readonly enqueued: bigint;
  queueNs: number;
  resolve(result: PoolResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
  /** Set when the worker was terminated and this slot replaced. */
  retired: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** How many workers were replaced after a time-out or a crash. */
  replaced = 0;

  constructor(private readonly wasm: Uint8Array, private readonly plan: FunctionPlan, size: number) {
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { wasm: this.wasm, plan: this.plan } });
    const slot: Slot = { worker, current: null, timer: null, retired: false };
    worker.unref();
    worker.on('message', (message: ResultMessage) => {
      const pending = slot.current;
      if (slot.retired || !pending || pending.job.id !== message.id) return;
      this.finish(slot);
      pending.resolve({ answer: message, queueNs: pending.queueNs });
      this.dispatch();
    });
    const died = (error: Error) => {
      if (this.closed || slot.retired) return;
      const pending = slot.current;
      this.finish(slot);
      this.replace(slot);
      pending?.reject(error);
      this.dispatch();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`model worker exited with code ${code}`)));
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
  }

  private replace(slot: Slot): void {
    const old = slot.worker;
    slot.retired = true;
    this.replaced++;
    const fresh = this.spawn();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = fresh;
    void old.terminate().catch(() => undefined);
  }

  /** Runs one batch; resolves with the worker's answer, rejects with TimeoutError or a worker crash. */
  run(columns: JobMessage['columns'], count: number, timeoutMs: number): Promise<PoolResult> {
    if (this.closed) return Promise.reject(new Error('the model is shutting down'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, count, columns }, timeoutMs, enqueued: process.hrtime.bigint(), queueNs: 0, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.current === null);
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.current = pending;
      pending.queueNs = Number(process.hrtime.bigint() - pending.enqueued);
      if (pending.timeoutMs > 0) {
        slot.timer = setTimeout(() => {
          if (slot.current !== pending) return;
          this.finish(slot);
          this.replace(slot);
          pending.reject(new TimeoutError(`inference exceeded the time limit of ${pending.timeoutMs} ms`));
          this.dispatch();
        }, pending.timeoutMs);
      }
      slot.worker.postMessage(pending.job);
    }
  }

  /** Stops all workers; queued jobs fail. Call after in-flight requests drained. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the model is shutting down'));
    await Promise.all(this.slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }
}
