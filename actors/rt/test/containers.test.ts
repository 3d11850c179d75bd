/**
 * portalis_rt's containers against CPython: thousands of seeded random
 * programs (containers-cases.ts) of set / frozenset, list and dict
 * operations run through containers_driver.rs (built natively against the
 * rt) and through `python3 containers_oracle.py`; every statement's output
 * (reprs, so set iteration order included, results, exception class and
 * message) must be identical.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../src/build/run-process.js';
import { buildPrograms } from './containers-cases.js';
import { RT_SRC, TEST_DIR } from './harness.js';

let driver: string;
let dir: string | undefined;
let skip: string | null = null;

beforeAll(async () => {
  if (spawnSync('rustc', ['--version']).status !== 0) {
    skip = 'no rustc on PATH';
    return;
  }
  dir = await mkdtemp(path.join(os.tmpdir(), 'portalis-rt-containers-'));
  const rlib = path.join(dir, 'libportalis_rt.rlib');
  const lib = await runProcess('rustc', [
    '--edition', '2021', '--crate-type', 'rlib', '--crate-name', 'portalis_rt', '-C', 'opt-level=0', '-C', 'debuginfo=0',
    path.join(RT_SRC, 'lib.rs'), '-o', rlib,
  ]);
  if (lib.code !== 0) throw new Error(`portalis_rt failed to compile:\n${lib.stderr}`);
  driver = path.join(dir, 'containers_driver');
  const bin = await runProcess('rustc', [
    '--edition', '2021', '-C', 'opt-level=0', '-C', 'debuginfo=0', '--extern', `portalis_rt=${rlib}`,
    path.join(TEST_DIR, 'containers_driver.rs'), '-o', driver,
  ]);
  if (bin.code !== 0) throw new Error(`containers_driver.rs failed to compile:\n${bin.stderr}`);
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function run(cmd: string, args: string[], input: string): string[] {
  const res = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (res.status !== 0) throw new Error(`${cmd} failed (${res.status}): ${res.stderr}`);
  return res.stdout.split('\n').slice(0, -1);
}

function compare(programs: string[]): string[] {
  const input = `${programs.join('\n')}\n`;
  const ours = run(driver, [], input);
  const py = run('python3', [path.join(TEST_DIR, 'containers_oracle.py')], input);
  expect(ours.length).toBe(programs.length);
  expect(py.length).toBe(programs.length);
  const wrong: string[] = [];
  for (const [i, prog] of programs.entries()) {
    const a = ours[i]!.split(' \u0001');
    const b = py[i]!.split(' \u0001');
    const stmts = prog.slice(3).split(' ; ');
    for (let k = 0; k < Math.max(a.length, b.length); k++) {
      if (a[k] === b[k]) continue;
      wrong.push(`program ${i} (${prog.slice(0, 2)}) statement ${k} \`${(stmts[k] ?? '').slice(0, 120)}\`:\n  CPython  ${(b[k] ?? '').slice(0, 300)}\n  portalis ${(a[k] ?? '').slice(0, 300)}`);
      break;
    }
  }
  return wrong;
}

describe('portalis_rt containers agree with CPython', () => {

  it('on random set / frozenset programs (iteration order, results, errors)', (ctx) => {
    if (skip) ctx.skip(skip);
    const wrong = compare(buildPrograms(1, { sets: 3000, lists: 0, sorts: 0, dicts: 0 }));
    expect(wrong.slice(0, 10), `${wrong.length} programs differ`).toEqual([]);
  });

  it('on random list programs (slices, errors, sort with keys and NaN)', (ctx) => {
    if (skip) ctx.skip(skip);
    const wrong = compare(buildPrograms(2, { sets: 0, lists: 2000, sorts: 0, dicts: 0 }));
    expect(wrong.slice(0, 10), `${wrong.length} programs differ`).toEqual([]);
  });

  it('on long lists that exercise every merge path of the sort', (ctx) => {
    if (skip) ctx.skip(skip);
    const wrong = compare(buildPrograms(3, { sets: 0, lists: 0, sorts: 400, dicts: 0 }));
    expect(wrong.slice(0, 10), `${wrong.length} programs differ`).toEqual([]);
  });

  it('on random dict programs (order, KeyError, popitem, checked iteration)', (ctx) => {
    if (skip) ctx.skip(skip);
    const wrong = compare(buildPrograms(4, { sets: 0, lists: 0, sorts: 0, dicts: 2000 }));
    expect(wrong.slice(0, 10), `${wrong.length} programs differ`).toEqual([]);
  });

  it('on random tuple and range programs (index, slices, comparisons, hashes, errors)', (ctx) => {
    if (skip) ctx.skip(skip);
    const wrong = compare(buildPrograms(5, { sets: 0, lists: 0, sorts: 0, dicts: 0, tuples: 1000, ranges: 1000 }));
    expect(wrong.slice(0, 10), `${wrong.length} programs differ`).toEqual([]);
  });
});
