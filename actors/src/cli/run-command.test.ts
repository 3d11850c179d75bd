/**
 * `portalis run`: sys.argv as python3 gives it, and the CLI binary fed by a
 * real pipe and a real file, compared with python3 fed the same way. The
 * stdin reading itself (input(), sys.stdin) is tested through the same host
 * path (`stdin: 'inherit'`) in runtime/src/script.test.ts, with a
 * hand-written portalis_rt script, until the compiler translates input().
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIO } from './io.js';
import { run, RUN_USAGE } from './run-command.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCRIPT = join(REPO, 'tests', 'conformance', 'exit', 'argv_len.py');
const CLI = join(REPO, 'actors', 'bin', 'portalis.js');
const built = existsSync(join(REPO, 'actors', 'dist', 'cli', 'run-command.js'));

function capture(): CliIO & { out: string; err: string } {
  const c = { out: '', err: '', stdout: (t: string) => (c.out += t), stderr: (t: string) => (c.err += t) };
  return c;
}

describe('portalis run (in process)', () => {
  it.each([[[]], [['a', 'b c', 'é']]])('passes sys.argv like python3: %j', async (args) => {
    const io = capture();
    const status = await run([SCRIPT, ...args], io, '');
    const theirs = spawnSync('python3', [SCRIPT, ...args], { encoding: 'utf8' });
    expect({ out: io.out, status }).toEqual({ out: theirs.stdout, status: theirs.status });
  });

  it('prints its usage', async () => {
    const io = capture();
    expect(await run([], io)).toBe(2);
    expect(io.err).toBe(`${RUN_USAGE}\n`);
  });
});

describe.skipIf(!built)('portalis run (the CLI binary) on real stdin', () => {
  it('runs under a pipe like python3 (a relative script path, arguments)', () => {
    const cwd = dirname(SCRIPT);
    const script = relative(cwd, SCRIPT);
    const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const ours = spawnSync('sh', ['-c', `printf 'a\\nb\\n' | ${q(process.execPath)} ${q(CLI)} run ${q(script)} x 'y z'`], { cwd, encoding: 'utf8' });
    const theirs = spawnSync('sh', ['-c', `printf 'a\\nb\\n' | python3 ${q(script)} x 'y z'`], { cwd, encoding: 'utf8' });
    expect({ out: ours.stdout, status: ours.status }).toEqual({ out: theirs.stdout, status: theirs.status });
  });

  it('runs with a file as stdin like python3', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'portalis-run-')), 'in.txt');
    await writeFile(file, 'line\n');
    const fds = [openSync(file, 'r'), openSync(file, 'r')] as const;
    try {
      const ours = spawnSync(process.execPath, [CLI, 'run', SCRIPT], { stdio: [fds[0], 'pipe', 'pipe'], encoding: 'utf8' });
      const theirs = spawnSync('python3', [SCRIPT], { stdio: [fds[1], 'pipe', 'pipe'], encoding: 'utf8' });
      expect({ out: ours.stdout, status: ours.status }).toEqual({ out: theirs.stdout, status: theirs.status });
    } finally {
      fds.forEach((fd) => closeSync(fd));
    }
  });
});
