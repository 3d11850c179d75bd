/**
 * The compiler pool with the real pipeline on worker threads: lazy creation,
 * parallel jobs, WASM moved back intact, deterministic close, and
 * cancellation that really stops rustc (checked in /proc, not assumed).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompilerPool } from './pool.js';

const linux = existsSync('/proc/self/stat');

/** Child processes of this process whose command name is `name`. */
function childProcesses(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (comm === name && Number(fields[1]) === process.pid && fields[0] !== 'Z') pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

async function waitFor<T>(probe: () => T | undefined, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

/** A module big enough that rustc -O3 runs for a few seconds. */
function bigModule(functions: number): string {
  const out: string[] = [];
  for (let i = 0; i < functions; i++) {
    out.push(`def f${i}(n: int, x: float) -> float:\n    acc = x\n    for i in range(n):\n        if i % ${i + 2} == 0:\n            acc = acc * 0.5 + ${i}.25\n        else:\n            acc = acc - i / ${i + 3}\n    return acc\n`);
  }
  return out.join('\n\n');
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portalis-pool-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('compiler pool', () => {
  it('starts no thread until the first job, compiles in parallel, and closes', async () => {
    const pool = createCompilerPool({ maxThreads: 2 });
    expect(pool.threads).toBe(0);
    const files = await Promise.all(
      [3, 4].map(async (k) => {
        const file = join(dir, `times${k}.py`);
        await writeFile(file, `def times${k}(n: int) -> int:\n    return n * ${k}\n`);
        return file;
      }),
    );
    const results = await Promise.all(files.map((file) => pool.compile({ file }, { cacheDir: join(dir, 'cache') })));
    expect(pool.threads).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.ok).toBe(true);
      const wasm = result.output!.wasm;
      expect(wasm).toBeInstanceOf(Uint8Array);
      expect([...wasm.subarray(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]);
      expect(WebAssembly.validate(wasm)).toBe(true);
    }
    await pool.close();
    await pool.close(); // idempotent
    expect(pool.threads).toBe(0);
    await expect(pool.compile({ file: files[0]! })).rejects.toThrow(/closed/);
  });

  it('returns diagnostics, not exceptions, for bad input', async () => {
    const pool = createCompilerPool({ maxThreads: 1 });
    try {
      const result = await pool.compile({ file: join(dir, 'broken.py'), source: 'def f(:\n' });
      expect(result.ok).toBe(false);
      expect(result.failedStage).toBe('ingest');
      expect(result.diagnostics[0]?.code).toBe('PTL1001');
    } finally {
      await pool.destroy();
    }
  });

  it.skipIf(!linux)('cancelling a job kills its rustc and resolves as cancelled', async () => {
    const pool = createCompilerPool({ maxThreads: 1 });
    const file = join(dir, 'big.py');
    await writeFile(file, bigModule(150));
    const controller = new AbortController();
    try {
      const job = pool.compile({ file }, { cacheDir: join(dir, `cache-${Date.now()}`) }, { signal: controller.signal });
      const rustc = await waitFor(() => childProcesses('rustc')[0], 60_000);
      expect(rustc, 'rustc never started').toBeDefined();
      controller.abort();
      const result = await job;
      expect(result.cancelled).toBe(true);
      expect(result.ok).toBe(false);
      const gone = await waitFor(() => (childProcesses('rustc').includes(rustc!) ? undefined : true), 5_000);
      expect(gone, `rustc ${rustc} still running after cancel`).toBe(true);
    } finally {
      await pool.destroy();
    }
  });
});
