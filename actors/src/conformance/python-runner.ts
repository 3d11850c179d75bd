/**
 * The CPython side of a conformance run: one `python3` process serving the
 * harness protocol (python-harness.ts) for a whole report.
 *
 * `startPython` spawns it and waits for the module to import; `call` and
 * `probe` send one request and wait for its answer. The harness enforces the
 * per-call limit itself with a timer; if no answer comes within that limit
 * plus a grace period, the call is stuck
 * in uninterruptible C code, so the process is killed and the call reported
 * as a timeout. A dead session answers every later call with a crash; the
 * caller starts a new one for the remaining cases.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PYTHON_HARNESS } from './python-harness.js';
import type { PyReturn } from '../spec/types.js';
import type { Outcome, PyValue } from './types.js';

/** How much longer than its own limit a call may take before the process is killed. */
const GRACE_MS = 3000;
/** The recursion limit for the retry of calls that hit CPython's default one. */
export const DEEP_RECURSION_LIMIT = 100_000;
const STDERR_KEEP = 4000;
/** How long python3 may take to start and import the module (on top of the per-call limit). */
const STARTUP_TIMEOUT_MS = 15_000;

export type PythonStart =
  | { readonly kind: 'ready'; readonly session: PythonSession; readonly version: string; readonly executable: string; readonly functions: readonly string[] }
  /**
   * No working interpreter: the binary could not be started (missing, not
   * executable), or it did not run the harness (exited, printed something
   * else, or said nothing for STARTUP_TIMEOUT_MS).
   */
  | { readonly kind: 'missing'; readonly message: string }
  /** The harness ran, but importing the module raised or ran past the time limit. */
  | { readonly kind: 'failed'; readonly message: string };

export interface StartPythonInput {
  readonly python: string;
  readonly modulePath: string;
  readonly moduleName: string;
  readonly timeoutMs: number;
}

export async function startPython(input: StartPythonInput): Promise<PythonStart> {
  // -I: isolated (no user site-packages, no PYTHON* variables, no script
  // directory on sys.path); -B: no .pyc files next to the module.
  const child = spawn(
    input.python,
    ['-I', '-B', '-c', PYTHON_HARNESS, input.modulePath, input.moduleName, String(input.timeoutMs), String(DEEP_RECURSION_LIMIT)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const session = new PythonSession(child, input.timeoutMs);
  return session.started;
}

type Pending = { resolve: (msg: Record<string, unknown> | null) => void; timer: NodeJS.Timeout };

export class PythonSession {
  readonly started: Promise<PythonStart>;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private stderr = '';
  private exited = false;
  private exitReason = '';
  private resolveStart!: (s: PythonStart) => void;

  constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly timeoutMs: number,
  ) {
    let sawFirstLine = false;
    this.started = new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve({ kind: 'missing', message: `it did not start the conformance harness within ${STARTUP_TIMEOUT_MS + timeoutMs} ms` });
        this.kill();
      }, STARTUP_TIMEOUT_MS + timeoutMs);
      this.resolveStart = (s) => {
        clearTimeout(timer);
        resolve(s);
      };
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_KEEP);
    });
    child.stdin.on('error', () => {
      // EPIPE after the process died; the exit handler reports it.
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      this.exited = true;
      this.exitReason = err.message;
      this.resolveStart({ kind: 'missing', message: err.message });
      this.failPending();
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      this.exitReason ||= signal ? `python3 was killed by ${signal}` : `python3 exited with status ${code}`;
      if (!sawFirstLine) {
        this.resolveStart({ kind: 'missing', message: `it did not run the conformance harness (${this.exitReason})${this.stderrTail()}` });
      }
      this.failPending();
    });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      let msg: Record<string, unknown>;
      try {
        msg = JSON.parse(line) as Record<string, unknown>;
      } catch {
        // User output goes to stderr, so this is not the harness talking.
        if (!sawFirstLine) {
          sawFirstLine = true;
          this.resolveStart({ kind: 'missing', message: `it did not run the conformance harness (it printed ${JSON.stringify(line.slice(0, 80))})` });
          this.kill();
        }
        return;
      }
      if (!sawFirstLine) {
        sawFirstLine = true;
        if (msg.ready === true) {
          this.resolveStart({
            kind: 'ready',
            session: this,
            version: String(msg.version),
            executable: String(msg.executable),
            functions: (msg.functions as string[]) ?? [],
          });
        } else {
          const err = (msg.importError ?? {}) as { type?: string; message?: string };
          this.resolveStart({ kind: 'failed', message: `importing the module raised ${err.type}: ${err.message}` });
          this.kill();
        }
        return;
      }
      const id = msg.id as number;
      const p = this.pending.get(id);
      if (p) {
        this.pending.delete(id);
        clearTimeout(p.timer);
        p.resolve(msg);
      }
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Calls `fn(*args)` at the default recursion limit, or with `deep` at DEEP_RECURSION_LIMIT. */
  async call(fn: string, args: readonly PyValue[], returns: PyReturn, deep = false): Promise<Outcome> {
    const msg = await this.request({ op: 'call', fn, args: args.map(encodeArg), deep, returns });
    if (!msg) return this.lostOutcome();
    if (typeof msg.harnessError === 'string') return { kind: 'crash', message: `harness error: ${msg.harnessError}` };
    return decodeOutcome(msg.outcome);
  }

  /** Runs the call on the width-probing copy of the module: did any int leave the 64-bit range? */
  async probe(fn: string, args: readonly PyValue[], returns: PyReturn, deep: boolean): Promise<{ outcome: Outcome; wide: boolean } | null> {
    const msg = await this.request({ op: 'probe', fn, args: args.map(encodeArg), deep, returns });
    if (!msg || typeof msg.wide !== 'boolean') return null;
    return { outcome: decodeOutcome(msg.outcome), wide: msg.wide };
  }

  /** Kills the process; the session is dead from now on, even before the exit event. */
  kill(): void {
    if (this.exited) return;
    this.child.kill('SIGKILL');
    this.exited = true;
    this.exitReason = 'python3 was killed';
    this.failPending();
  }

  /** Ends the session politely (stdin closed, the harness loop ends). */
  close(): void {
    if (!this.exited) this.child.stdin.end();
  }

  private request(body: Record<string, unknown>): Promise<Record<string, unknown> | null> {
    if (this.exited) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const limit = this.timeoutMs + GRACE_MS;
      const timer = setTimeout(() => {
        // Stuck in C code the timer cannot interrupt: kill the process.
        this.pending.delete(id);
        this.kill();
        resolve({ id, outcome: { k: 'timeout', ms: limit, hard: true } });
      }, limit);
      this.pending.set(id, { resolve, timer });
      this.child.stdin.write(JSON.stringify({ id, ...body }) + '\n');
    });
  }

  private failPending(): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.resolve(null);
    }
  }

  private lostOutcome(): Outcome {
    return { kind: 'crash', message: `${this.exitReason || 'python3 stopped'} during the call${this.stderrTail()}` };
  }

  private stderrTail(): string {
    const tail = this.stderr.trim().split('\n').slice(-5).join('\n');
    return tail ? `:\n${tail}` : '';
  }
}

function encodeArg(v: PyValue): Record<string, unknown> {
  switch (v.kind) {
    case 'int':
      return { t: 'int', v: v.value };
    case 'float':
      return { t: 'float', b: v.bits };
    case 'bool':
      return { t: 'bool', v: v.value };
    default:
      throw new Error(`conformance: cannot pass a ${v.kind} argument to Python`);
  }
}

function decodeOutcome(raw: unknown): Outcome {
  const o = raw as Record<string, unknown>;
  const ms = typeof o.ms === 'number' ? o.ms : 0;
  switch (o.k) {
    case 'value': {
      const v = o.v as Record<string, unknown>;
      const from = v.from === 'int' || v.from === 'bool' ? { convertedFrom: v.from as 'int' | 'bool' } : {};
      return { kind: 'value', value: decodeValue(v), ms, ...from };
    }
    case 'exc':
      return { kind: 'exception', type: String(o.type), message: String(o.message), ms };
    case 'timeout':
      return { kind: 'timeout', ms };
    default:
      return { kind: 'crash', message: `unexpected answer from the harness: ${JSON.stringify(raw)}` };
  }
}

function decodeValue(v: Record<string, unknown>): PyValue {
  switch (v.t) {
    case 'int':
      return { kind: 'int', value: String(v.v) };
    case 'float':
      return { kind: 'float', bits: String(v.b) };
    case 'bool':
      return { kind: 'bool', value: v.v === true };
    case 'none':
      return { kind: 'none' };
    case 'hugeint':
      return { kind: 'hugeint', bitLength: Number(v.n), negative: v.neg === true };
    default:
      return { kind: 'other', repr: String(v.r) };
  }
}
