/**
 * Test helper: compiles a hand-written ABI fixture (`*.rs`) to WASM with a
 * rustc that has the wasm32-unknown-unknown target, or reports why it cannot,
 * so suites can skip visibly. The compiler is `PORTALIS_TEST_RUSTC` or
 * `/usr/bin/rustc` (Debian's rustc 1.63 ships the target; rustup's usually
 * does not).
 */

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const TEST_RUSTC = process.env.PORTALIS_TEST_RUSTC ?? '/usr/bin/rustc';

/** Null when the fixtures can be compiled, else the reason to skip. */
export const rustcMissing: string | null = existsSync(TEST_RUSTC)
  ? null
  : `no rustc at ${TEST_RUSTC} (set PORTALIS_TEST_RUSTC to a rustc with the wasm32-unknown-unknown target)`;

/** Compiles `source` (a path to a .rs file) to WASM bytes, as the build stage would. */
export async function compileRustFixture(source: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'portalis-fixture-'));
  try {
    const out = join(dir, basename(source, '.rs') + '.wasm');
    await run(TEST_RUSTC, [
      '--edition', '2021',
      '--crate-type', 'cdylib',
      '--target', 'wasm32-unknown-unknown',
      '-C', 'opt-level=2',
      '-C', 'strip=debuginfo',
      '-o', out,
      source,
    ]);
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
