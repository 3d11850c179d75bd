/**
 * Real-world differential test: modules of the installed CPython's own
 * standard library must parse to exactly the tree, positions included, that
 * `ast.parse` gives (with unmodelled nodes masked, see
 * __fixtures__/oracle/cpython_ast.py). A fixed sample of about 45 modules
 * (every fourth by name) keeps it to a few seconds; set
 * PORTALIS_STDLIB_ALL=1 to check them all (about 170 modules, 130,000 lines).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cpythonView, hasPython, python } from './__fixtures__/oracle/cpython.js';
import { dumpAst } from './dump.js';
import { parseSource } from './ingest.js';

function stdlibDir(): string | null {
  if (!hasPython) return null;
  const r = spawnSync(python, ['-c', 'import sysconfig; print(sysconfig.get_path("stdlib"))'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const dir = stdlibDir();

describe.skipIf(dir === null)('the standard library parses exactly as in CPython', () => {
  it('same trees and positions for a sample of stdlib modules', () => {
    const all = readdirSync(dir!).filter((f) => f.endsWith('.py')).sort();
    const files = process.env.PORTALIS_STDLIB_ALL ? all : all.filter((_, i) => i % 4 === 0);
    const sources = files.map((f) => readFileSync(join(dir!, f), 'utf8').replace(/^\uFEFF/, ''));
    const views = cpythonView(sources);
    const problems: string[] = [];
    let lines = 0;
    sources.forEach((source, i) => {
      const view = views[i]!;
      if ('error' in view) return; // not valid for this interpreter (none are, normally)
      lines += source.split('\n').length;
      const ours = parseSource(files[i]!, source);
      if (ours.module === null) {
        const d = ours.diagnostics[0]!;
        problems.push(`${files[i]}: rejected: ${d.message} at ${d.range?.start.line}:${d.range?.start.column}`);
        return;
      }
      for (const [dump, theirs] of [
        [dumpAst(ours.module, { includeAttributes: true }), view.attrs],
        [dumpAst(ours.module, { includeAttributes: true, modelled: true }), view.full],
      ] as const) {
        if (dump === theirs) continue;
        let k = 0;
        while (dump[k] === theirs[k]) k++;
        problems.push(`${files[i]}: trees differ at\n  ours:    ${dump.slice(Math.max(0, k - 120), k + 80)}\n  CPython: ${theirs.slice(Math.max(0, k - 120), k + 80)}`);
        break;
      }
    });
    expect(problems).toEqual([]);
    expect(lines).toBeGreaterThan(10_000);
  });
});

if (dir === null) {
  describe('stdlib differential test', () => {
    it.skip('skipped: python3 is not installed (set PORTALIS_PYTHON to run it)', () => {});
  });
}
