/**
 * Runs a child process (rustc) to completion, cancellable.
 *
 * The child is started in its own process group; aborting the signal kills
 * the whole group with SIGKILL, so rustc *and* the linker it spawned are
 * gone when the promise settles. Output is collected as text.
 */
import { spawn } from 'node:child_process';

export interface ProcessOutcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the run was cut short by the AbortSignal. */
  readonly aborted: boolean;
  /** Set when the binary could not be started at all (ENOENT, EACCES...). */
  readonly spawnError?: Error;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Called with the child's pid once it has started (tests use it). */
  readonly onSpawn?: (pid: number) => void;
}

export function runProcess(command: string, args: readonly string[], opts: RunOptions = {}): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    if (opts.signal?.aborted) {
      resolve({ code: null, signal: null, stdout: '', stderr: '', aborted: true });
      return;
    }
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so the abort kills rustc's children too
    });
    let stdout = '';
    let stderr = '';
    let aborted = false;
    let settled = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));

    const onAbort = (): void => {
      aborted = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (outcome: ProcessOutcome): void => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    child.once('spawn', () => {
      if (child.pid !== undefined) opts.onSpawn?.(child.pid);
    });
    child.once('error', (err) => finish({ code: null, signal: null, stdout, stderr, aborted, spawnError: err }));
    child.once('close', (code, signal) => finish({ code, signal, stdout, stderr, aborted }));
  });
}
