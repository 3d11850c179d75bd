/**
 * The conformance corpus (issue #3): every `tests/conformance/<area>/*.py`
 * compiled in script mode and run, compared with what CPython 3.11 printed
 * (recorded in `<case>.expected.json`): stdout byte for byte, stderr's last
 * line (and all of stderr when CPython printed no traceback), the exit
 * status; refusal cases compare the diagnostic code and location.
 *
 * Re-record after changing a case: PORTALIS_UPDATE_CONFORMANCE=1 npx vitest run tests/conformance
 *
 * Cases named in `pending.json` (a feature not translated yet) show as skips
 * whose title carries the reason; recording still covers them. After a
 * feature lands: `npx tsx tests/conformance/update-pending.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, type Expected, lastLine, listCases, recordExpected, runCase } from './corpus-cases.js';
import { readPending } from './pending.js';

const UPDATE = process.env.PORTALIS_UPDATE_CONFORMANCE === '1';
const cases = listCases();
const pending = readPending();
const REPO = join(CORPUS_DIR, '..', '..');

function expectedOf(c: (typeof cases)[number]): Expected {
  if (UPDATE || !existsSync(c.expectedFile)) {
    if (!UPDATE) throw new Error(`${c.name}: no ${c.expectedFile}; record it with PORTALIS_UPDATE_CONFORMANCE=1`);
    const recorded = recordExpected(c);
    writeFileSync(c.expectedFile, `${JSON.stringify(recorded, null, 2)}\n`);
    return recorded;
  }
  return JSON.parse(readFileSync(c.expectedFile, 'utf8')) as Expected;
}

describe('conformance corpus', () => {
  it('has the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it.skipIf(UPDATE)("has CPython's result recorded for every case, pending ones included", () => {
    expect(cases.filter((c) => !existsSync(c.expectedFile)).map((c) => c.name)).toEqual([]);
  });

  it('pending.json names only cases that exist', () => {
    const names = new Set(cases.map((c) => c.name));
    expect(Object.keys(pending).filter((n) => !names.has(n))).toEqual([]);
  });

  describe.concurrent.each(cases)('$name', (c) => {
    const reason = pending[c.name];
    if (reason !== undefined) {
      // Recording covers pending cases too; running them waits for the feature.
      if (UPDATE) it(`records CPython's result (pending: ${reason})`, () => void expectedOf(c));
      else it.skip(`matches CPython (pending: ${reason})`, () => {});
      return;
    }
    it('matches CPython', async () => {
      const expected = expectedOf(c);
      const got = await runCase(c);
      expect(got).toEqual(expected);
    });
  });
});

describe('portalis run (the CLI binary)', () => {
  const cli = join(REPO, 'actors', 'bin', 'portalis.js');
  const built = existsSync(join(REPO, 'actors', 'dist', 'cli', 'run-command.js'));

  it.skipIf(!built)('runs a script with arguments like python3 (stdout, stderr, exit status)', () => {
    const script = join(CORPUS_DIR, 'exit', 'argv_len.py');
    for (const args of [[], ['a', 'b c']]) {
      const ours = spawnSync(process.execPath, [cli, 'run', script, ...args], { encoding: 'utf8' });
      const theirs = spawnSync('python3', [script, ...args], { encoding: 'utf8' });
      expect(ours.stdout).toBe(theirs.stdout);
      expect(ours.status).toBe(theirs.status);
    }
  });

  it.skipIf(!built)('reports an uncaught exception on stderr with status 1', () => {
    const script = join(CORPUS_DIR, 'errors', 'output_before_error.py');
    const ours = spawnSync(process.execPath, [cli, 'run', script], { encoding: 'utf8' });
    const theirs = spawnSync('python3', [script], { encoding: 'utf8' });
    expect(ours.stdout).toBe(theirs.stdout);
    expect(lastLine(ours.stderr)).toBe(lastLine(theirs.stderr));
    expect(ours.status).toBe(1);
  });

  it.skipIf(!built)('prints the refusal with its location and exits 2', () => {
    const script = join(CORPUS_DIR, 'refusals', 'class_def.py');
    const ours = spawnSync(process.execPath, [cli, 'run', script], { encoding: 'utf8' });
    expect(ours.status).toBe(2);
    expect(ours.stderr).toMatch(/class_def\.py:4:1/);
    expect(ours.stderr).toMatch(/PTL2003/);
  });
});
