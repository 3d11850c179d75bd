/**
 * Differential test against CPython: every program in __fixtures__/ is parsed
 * by `python3`'s `ast` module and by ingest, and the two `ast.dump` outputs
 * must be identical.
 *
 * - Programs inside the modelled subset: plain `ast.dump(ast.parse(src))`
 *   must equal `dumpAst(module)` character for character.
 * - Programs with constructs the AST does not model: CPython's tree is
 *   dumped with those nodes replaced by `UnsupportedStmt(node='ClassDef')` /
 *   `UnsupportedExpr(node='Lambda')`, which is what our dump prints.
 * - Every program, positions too: `include_attributes=True`, with CPython's
 *   UTF-8 byte columns converted to code points.
 *
 * CPython's side is __fixtures__/oracle/cpython_ast.py. Skipped, visibly,
 * only when python3 is not installed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cpythonView, hasPython, type CPythonView } from './__fixtures__/oracle/cpython.js';
import { dumpAst } from './dump.js';
import { parseSource } from './ingest.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.py'))
  .sort();

describe.skipIf(!hasPython)('ingest agrees with CPython ast.dump on the fixture corpus', () => {
  const sources = files.map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
  const views = hasPython ? cpythonView(sources) : [];
  const parsed = (i: number): Exclude<CPythonView, { error: unknown }> => {
    const v = views[i]!;
    if ('error' in v) throw new Error(`CPython rejects fixture ${files[i]}: ${v.error.join(' ')}`);
    return v;
  };

  it('has a real corpus, mostly inside the modelled subset', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    const modelled = files.filter((_, i) => parsed(i).modelled).length;
    expect(modelled).toBeGreaterThanOrEqual(12);
  });

  files.forEach((file, i) => {
    it(`${file}: same tree as ast.dump`, () => {
      const expected = parsed(i);
      const result = parseSource(file, sources[i]!);
      expect(result.diagnostics).toEqual([]);
      const module = result.module!;
      if (expected.modelled) expect(dumpAst(module)).toBe(expected.plain);
      else expect(dumpAst(module)).toBe(expected.masked);
    });
    it(`${file}: same positions as ast.dump(include_attributes=True)`, () => {
      const result = parseSource(file, sources[i]!);
      expect(dumpAst(result.module!, { includeAttributes: true })).toBe(parsed(i).attrs);
    });
    it(`${file}: raise, assert, try, with and class converted ahead of analysis as in ast.dump`, () => {
      const result = parseSource(file, sources[i]!);
      expect(dumpAst(result.module!, { includeAttributes: true, modelled: true })).toBe(parsed(i).full);
    });
  });
});

if (!hasPython) {
  describe('CPython differential tests', () => {
    it.skip('skipped: python3 is not installed (set PORTALIS_PYTHON to run them)', () => {});
  });
}
