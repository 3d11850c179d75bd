/**
 * One real build per bundler: a fixture that imports `fib.py` is bundled
 * with the plugin, the output is loaded in Node and the Python functions are
 * called (values and a Python exception). Then a fixture with a syntax error
 * must fail each build with the diagnostic's file, line, column and code.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLERS, bundle, captureBuildError, copyFixture, removeDir, runInNode, thrownBy } from './utils.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

async function fixture(name: string): Promise<string> {
  const dir = await copyFixture(name);
  dirs.push(dir);
  return dir;
}

describe.each(BUNDLERS)('%s', (bundler) => {
  it('bundles a .py import into a module whose functions compute like Python', async () => {
    const dir = await fixture('math');
    const out = await bundle(bundler, dir);
    const values = await runInNode(out, `return { fib20: m.fib(20), fib0: m.fib(0), div: m.div(-7, 2), error: ${thrownBy('m.div(1, 0)')} };`);
    expect(values).toEqual({
      fib20: 6765,
      fib0: 0,
      div: -4, // floor division, as in Python
      error: { name: 'ZeroDivisionError', message: 'integer division or modulo by zero' },
    });

    // The declaration file lands next to the .py.
    const dts = await readFile(join(dir, 'fib.py.d.ts'), 'utf8');
    expect(dts).toMatch(/fib\(n: number\): number/);

    // Rollup emits the WASM as an asset; the others inline it (Vite too: this
    // is a library build; its app builds emit assets, see browser.test.ts).
    const code = await readFile(out, 'utf8');
    const wasmFiles = listFiles(dirname(out)).filter((f) => f.endsWith('.wasm'));
    if (bundler === 'rollup') {
      expect(wasmFiles).toHaveLength(1);
      expect(code).not.toContain('function wasmBytes()');
    } else {
      expect(wasmFiles).toHaveLength(0);
      expect(code).toContain('function wasmBytes()');
    }
  });

  it('fails the build on a syntax error with file, line, column and code', async () => {
    const dir = await fixture('bad');
    const file = join(dir, 'bad.py');
    const info = await captureBuildError(bundler, () => bundle(bundler, dir));
    // The text always carries the 1-based position like python3 reports it, and the code.
    expect(info.text).toContain('PTL1001');
    expect(info.text).toContain(bundler === 'webpack' || bundler === 'rspack' || bundler === 'esbuild' ? `${file}:6:15` : 'PTL1001: ');
    if (bundler === 'webpack' || bundler === 'rspack' || bundler === 'esbuild') {
      expect(info.text).toContain('> 6 |     return n +* 2');
    }
    if (bundler !== 'webpack' && bundler !== 'rspack') {
      // Structured location, 0-based column as these bundlers keep it.
      expect(info.loc).toMatchObject({ line: 6, column: 14 });
      // esbuild keeps locations relative to its working directory.
      expect(resolve(info.loc?.file ?? '')).toBe(file);
    }
    if (bundler === 'rollup' || bundler === 'vite') {
      expect(info.code).toBe('PTL1001');
      expect(info.frame).toContain('> 6 |     return n +* 2');
    }
  });
});

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
