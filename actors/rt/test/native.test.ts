/**
 * Runs portalis_rt's Rust unit tests (`#[cfg(test)]` modules) natively, with
 * each rustc we have: the stable rustc on PATH and /usr/bin/rustc 1.63 (the
 * oldest we support). A missing compiler is a visible skip.
 */
import { access, constants, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../../src/build/run-process.js';
import { RT_SRC } from './harness.js';

async function executable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function rustcOnPath(): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && (await executable(path.join(dir, 'rustc')))) return path.join(dir, 'rustc');
  }
  return null;
}

const compilers: [string, () => Promise<string | null>][] = [
  ['rustc on PATH', rustcOnPath],
  ['/usr/bin/rustc', async () => ((await executable('/usr/bin/rustc')) ? '/usr/bin/rustc' : null)],
];

describe('portalis_rt unit tests (native)', () => {
  for (const [label, find] of compilers) {
    it(`pass with ${label}`, async (ctx) => {
      const rustc = await find();
      if (!rustc) ctx.skip(`${label}: not installed`);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'portalis-rt-native-'));
      const bin = path.join(dir, 'rt_tests');
      const build = await runProcess(rustc!, ['--edition', '2021', '--test', '-D', 'warnings', path.join(RT_SRC, 'lib.rs'), '-o', bin]);
      expect(build.stderr, `rustc --test failed`).toBe('');
      expect(build.code).toBe(0);
      const run = await runProcess(bin, []);
      expect(run.stdout).toMatch(/test result: ok\. \d+ passed; 0 failed/);
      expect(run.code, run.stdout + run.stderr).toBe(0);
    });
  }
});
