/**
 * The generated `.d.ts` type-checks real consumer code: right calls compile,
 * wrong calls are type errors. Uses the TypeScript compiler API on files in a
 * temp dir (the `.d.ts` next to a `.js` the consumer imports). Needs no WASM:
 * the declarations come from the spec alone.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIB_SPEC, MATHY_SPEC } from './__fixtures__/fib-spec.js';
import { generateDts } from './dts.js';
import { resolvePackageOptions } from './package.js';
import { planNames } from './plan.js';
import { exportSpec } from '../spec/spec.js';
import type { ModuleSpec } from '../spec/types.js';
import type { PackageOptions } from './types.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portalis-dts-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `<module>.d.ts` (+ an empty .js) and `consumer.ts`, returns the consumer's diagnostics as text. */
async function typeCheck(spec: ModuleSpec, options: PackageOptions, consumer: string): Promise<string[]> {
  const folder = await mkdtemp(join(dir, 'case-'));
  const dts = generateDts(spec, planNames(spec), resolvePackageOptions(spec, options));
  await writeFile(join(folder, `${spec.module}.d.ts`), dts);
  await writeFile(join(folder, `${spec.module}.js`), '');
  await writeFile(join(folder, 'consumer.ts'), consumer);
  const program = ts.createProgram([join(folder, 'consumer.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return text;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName.endsWith('.d.ts') ? 'd.ts' : 'consumer'}:${line + 1}: ${text}`;
  });
}

describe('the generated .d.ts', () => {
  it('accepts correct calls and rejects wrong ones (number mode)', async () => {
    const diagnostics = await typeCheck(FIB_SPEC, {}, `
      import fibDefault, { fib, divide, scale, both, check, delete as del, square } from './fib.js';
      const a: number = fib(10);
      const b: number = fibDefault(10);
      const c: number = divide(1, 2) + scale(1.5, 2) + del(3, 1) + square(4);
      const d: boolean = both(true, false);
      const e: void = check(1);
      // @ts-expect-error a string is not an int
      fib('10');
      // @ts-expect-error ints are numbers in number mode
      fib(10n);
      // @ts-expect-error a bool result is not a number
      const f: number = both(true, true);
      // @ts-expect-error too few arguments
      divide(1);
      // @ts-expect-error too many arguments
      fib(1, 2);
      // @ts-expect-error None returns void
      const g: number = check(1);
      export { a, b, c, d, e, f, g };
    `);
    expect(diagnostics).toEqual([]);
  });

  it('reports the wrong call as an error (the check above is not vacuous)', async () => {
    const diagnostics = await typeCheck(FIB_SPEC, {}, `
      import { fib } from './fib.js';
      fib('10');
    `);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^consumer:3: Argument of type 'string' is not assignable to parameter of type 'number'/);
  });

  it('types ints as bigint in bigint mode and the default export as a readonly namespace', async () => {
    const diagnostics = await typeCheck(MATHY_SPEC, { intMode: 'bigint' }, `
      import mathy, { fib, divide, scale } from './mathy.js';
      const a: bigint = fib(10n);
      const b: bigint = mathy.fib(10n);
      const c: number = divide(1n, 2n) + scale(0.5, 3n);
      const d: bigint = mathy.delete(5n, 2n);
      // @ts-expect-error number where bigint is declared
      fib(10);
      // @ts-expect-error the namespace is readonly
      mathy.fib = fib;
      // @ts-expect-error no such export
      mathy.nothing;
      // @ts-expect-error the result is a bigint
      const e: number = fib(1n);
      export { a, b, c, d, e };
    `);
    expect(diagnostics).toEqual([]);
  });

  it('is itself free of errors, with JSDoc carried from the docstring', async () => {
    const spec = FIB_SPEC;
    const dts = generateDts(spec, planNames(spec), resolvePackageOptions(spec));
    expect(dts).toContain(' * Return the n-th Fibonacci number.\n *\n * fib(0) == 0, fib(1) == 1.\n');
    expect(dts).toContain(' * True division; a comment end *\\/ must not break the JSDoc.');
    const diagnostics = await typeCheck(spec, {}, `import * as fib from './fib.js';\nexport { fib };\n`);
    expect(diagnostics).toEqual([]);
  });

  it('types strings and containers: read-only arguments, owned results, Map for dicts, Set for sets, null for None', async () => {
    const fn = (name: string, params: [string, string][], returns: string) =>
      exportSpec({ name, doc: null, line: 1, params: params.map(([n, type]) => ({ name: n, type })), returns });
    const spec: ModuleSpec = {
      module: 'words',
      exports: [
        fn('tally', [['words', 'list[str]']], 'dict[str, int]'),
        fn('pair', [['t', 'tuple[int, Optional[str]]']], 'tuple[str, ...]'),
        fn('uniq', [['xs', 'frozenset[int]']], 'set[int]'),
        fn('find', [['d', 'dict[str, list[float]]'], ['key', 'str']], 'Optional[list[float]]'),
      ],
      defaultExport: null,
      abiVersion: 2,
    };
    const diagnostics = await typeCheck(spec, {}, `
      import { tally, pair, uniq, find } from './words.js';
      const words: readonly string[] = ['a', 'b'];
      const counts: Map<string, number> = tally(words);
      counts.set('c', 1);
      const p: string[] = pair([1, null]);
      const q: string[] = pair([1, 'x'] as const);
      const u: Set<number> = uniq(new Set([1, 2]));
      const f: number[] | null = find(new Map([['k', [1.5]]]), 'k');
      // @ts-expect-error a dict is a Map, not a plain object
      find({ k: [1.5] }, 'k');
      // @ts-expect-error list[str] takes strings
      tally([1]);
      // @ts-expect-error a fixed tuple has its length
      pair([1]);
      // @ts-expect-error the result may be None
      const g: number[] = find(new Map(), 'k');
      export { counts, p, q, u, f, g };
    `);
    expect(diagnostics).toEqual([]);
    const bigint = await typeCheck(spec, { intMode: 'bigint' }, `
      import { tally, uniq } from './words.js';
      const counts: Map<string, bigint> = tally([]);
      const u: Set<bigint> = uniq(new Set([1n]));
      // @ts-expect-error ints are bigints in bigint mode
      const n: Map<string, number> = tally([]);
      export { counts, u, n };
    `);
    expect(bigint).toEqual([]);
  });
});
