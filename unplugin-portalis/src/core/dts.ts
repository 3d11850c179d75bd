/**
 * Writes the `<name>.py.d.ts` declaration beside each compiled `.py`.
 *
 * TypeScript resolves `import fib from './fib.py'` to `./fib.py.d.ts` (with
 * or without `allowArbitraryExtensions`), so a TS project gets real types for
 * its Python modules. Writes are throttled and skipped when the content is
 * what the file already holds: a dev server that watches the folder must not
 * see a change per compile, or it would loop.
 */
import { readFile, writeFile } from 'node:fs/promises';

/** Path of the declaration file for a `.py` file. */
export function dtsPathFor(pyFile: string): string {
  return `${pyFile}.d.ts`;
}

export class DtsWriter {
  /** What each path holds on disk, as far as we know (written or read). */
  readonly #onDisk = new Map<string, string>();
  readonly #pending = new Map<string, string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writing: Promise<void> = Promise.resolve();

  /**
   * @param onError told about a file that cannot be written (read-only
   *   checkout, ...); the build goes on without it.
   */
  constructor(
    private readonly onError: (path: string, error: Error) => void,
    private readonly delayMs = 200,
  ) {}

  /** Queues `content` for `path`; written within `delayMs` unless unchanged. */
  schedule(path: string, content: string): void {
    if (this.#onDisk.get(path) === content) {
      this.#pending.delete(path);
      return;
    }
    this.#pending.set(path, content);
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.delayMs);
    // A pending write must not keep a finished build process alive.
    this.#timer.unref?.();
  }

  /** Writes everything queued; resolves when it is on disk. Never rejects. */
  flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    const batch = [...this.#pending];
    this.#pending.clear();
    this.#writing = this.#writing.then(() => Promise.all(batch.map(([path, content]) => this.#write(path, content)))).then(() => {});
    return this.#writing;
  }

  async #write(path: string, content: string): Promise<void> {
    try {
      if (!this.#onDisk.has(path)) {
        const current = await readFile(path, 'utf8').catch(() => undefined);
        if (current === content) {
          this.#onDisk.set(path, content);
          return;
        }
      }
      if (this.#onDisk.get(path) === content) return;
      await writeFile(path, content);
      this.#onDisk.set(path, content);
    } catch (error) {
      this.onError(path, error as Error);
    }
  }
}
