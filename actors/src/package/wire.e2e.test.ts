/**
 * End to end through the real compiler: __fixtures__/wire_values.py is
 * compiled (ingest → analysis → spec → transpile → build → package), its
 * glue imported, and every call made both through the WASM and through
 * CPython (__fixtures__/wire_oracle.py, one process), comparing values bit
 * for bit (floats by their IEEE bytes; NaNs as one value, since JS does not
 * keep a NaN's sign) and exceptions by type and message.
 * Then the JS-side argument checks and int limits, which CPython has no
 * counterpart for.
 */
import { execFile, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileModule } from '../compile.js';
import { parseBoundaryType, type BoundaryType } from '../spec/boundary-type.js';
import type { ModuleSpec } from '../spec/types.js';
import { rustcMissing } from '../../../runtime/src/__fixtures__/compile-rust.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const RUNTIME_URL = pathToFileURL(join(REPO, 'runtime/dist/index.js')).href;
const SOURCE = fileURLToPath(new URL('./__fixtures__/wire_values.py', import.meta.url));
const ORACLE = fileURLToPath(new URL('./__fixtures__/wire_oracle.py', import.meta.url));

type Fn = (...args: unknown[]) => unknown;
type Tagged = null | boolean | { readonly [tag: string]: unknown };
type Outcome = { value: Tagged } | { raised: string; message: string };

let dir: string;
const modules: Record<'number' | 'bigint', { fns: Record<string, Fn>; spec: ModuleSpec }> = {} as never;

async function compileAndImport(intMode: 'number' | 'bigint'): Promise<{ fns: Record<string, Fn>; spec: ModuleSpec }> {
  const source = await readFile(SOURCE, 'utf8');
  const result = await compileModule({ file: SOURCE, source }, { intMode, wasm: 'inline', runtimeImport: RUNTIME_URL, conformance: false });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  const folder = join(dir, intMode);
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'wire_values.js');
  await writeFile(file, result.output!.js);
  return { fns: (await import(pathToFileURL(file).href)) as Record<string, Fn>, spec: result.output!.spec };
}

beforeAll(async () => {
  if (rustcMissing) return;
  dir = await mkdtemp(join(tmpdir(), 'portalis-wire-'));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-b', join(REPO, 'runtime')], { cwd: REPO });
  modules.number = await compileAndImport('number');
  modules.bigint = await compileAndImport('bigint');
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// ── tagged values (the format of wire_oracle.py) ─────────────────────────

/** The IEEE bytes; every NaN is one value to JS (engines need not keep a NaN's sign or payload). */
function floatHex(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x, true);
  return Buffer.from(v.buffer).toString('hex');
}

const byJson = (a: unknown, b: unknown): number => {
  const x = JSON.stringify(sortKeys(a));
  const y = JSON.stringify(sortKeys(b));
  return x < y ? -1 : x > y ? 1 : 0;
};

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
  return v;
}

/** A JS value of boundary type `t` in the tagged format. */
function tag(value: unknown, t: BoundaryType): Tagged {
  switch (t.k) {
    case 'int':
      return { i: String(value) };
    case 'float':
      return { f: floatHex(value as number) };
    case 'bool':
      return value as boolean;
    case 'None':
      return null;
    case 'str':
      return { s: value as string };
    case 'list':
      return { l: (value as unknown[]).map((e) => tag(e, t.e)) };
    case 'tupleN':
      return { t: (value as unknown[]).map((e) => tag(e, t.e)) };
    case 'tuple':
      return { t: (value as unknown[]).map((e, i) => tag(e, t.elts[i]!)) };
    case 'set':
    case 'frozenset':
      return { [t.k === 'set' ? 'S' : 'F']: [...(value as Set<unknown>)].map((e) => tag(e, t.e)).sort(byJson) };
    case 'dict':
      return { d: [...(value as Map<unknown, unknown>)].map(([k, v]) => [tag(k, t.key), tag(v, t.value)]) };
    case 'Optional':
      return value === null ? null : tag(value, t.e);
  }
}

interface Call {
  readonly fn: string;
  readonly args: readonly unknown[];
}

async function cpython(calls: readonly { fn: string; args: Tagged[] }[]): Promise<Outcome[]> {
  const child = spawn('python3', [ORACLE, SOURCE], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stdin.end(JSON.stringify(calls));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`wire_oracle.py exited ${code}`);
  return JSON.parse(out) as Outcome[];
}

/** Runs every call through the glue and through CPython; returns [portalis, cpython] outcomes. */
async function both(mode: 'number' | 'bigint', calls: readonly Call[]): Promise<[Outcome[], Outcome[]]> {
  const { fns, spec } = modules[mode];
  const exportOf = (name: string) => spec.exports.find((e) => e.name === name)!;
  const ours = calls.map((c): Outcome => {
    const e = exportOf(c.fn);
    try {
      return { value: tag(fns[c.fn]!(...c.args), parseBoundaryType(e.returns)) };
    } catch (error) {
      const err = error as Error & { pythonType?: string; pythonMessage?: string };
      if (err.pythonType === undefined) throw err;
      return { raised: err.pythonType, message: err.pythonMessage! };
    }
  });
  const tagged = calls.map((c) => ({ fn: c.fn, args: c.args.map((a, i) => tag(a, parseBoundaryType(exportOf(c.fn).params[i]!.type))) }));
  return [ours, await cpython(tagged)];
}

/** A seeded generator (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXT = ['', 'a', 'naïve', 'ÄÖÜ ß', '☃ snow', '𝄞 clef', '\ufeffbom', 'tab\there', 'line\nbreak', 'ǅ title', 'ﬁ ligature', 'İstanbul'];

function randomFloat(r: () => number): number {
  const special = [0, -0, 1, -1, 0.1, 1e308, -1e-308, 5e-324, Infinity, -Infinity, NaN, 2 ** 53, 0.30000000000000004];
  return r() < 0.2 ? special[Math.floor(r() * special.length)]! : (r() - 0.5) * 10 ** Math.floor(r() * 20 - 10);
}

describe.skipIf(rustcMissing)('values in linear memory, end to end against CPython', () => {
  it('list[float] of 10,000 elements in and out, bit for bit', async () => {
    const r = rng(1);
    const xs = Array.from({ length: 10_000 }, () => randomFloat(r));
    const finite = xs.filter(Number.isFinite);
    const calls: Call[] = [
      { fn: 'total', args: [finite] },
      { fn: 'total', args: [xs] },
      { fn: 'total', args: [[]] },
      { fn: 'doubled', args: [xs] },
      { fn: 'doubled', args: [[-0, 0.5]] },
    ];
    const [ours, theirs] = await both('number', calls);
    expect(ours).toEqual(theirs);
    expect((ours[3] as { value: { l: unknown[] } }).value.l).toHaveLength(10_000);
  });

  it('str with non-ASCII text, astral characters, a leading BOM, and 10,000 characters', async () => {
    const long = Array.from({ length: 10_000 }, (_, i) => 'aé☃'[i % 3]).join('');
    const calls: Call[] = [...TEXT, long, '𝄞'.repeat(5000)].flatMap((s) => [
      { fn: 'shout', args: [s] },
      { fn: 'same_str', args: [s] },
      { fn: 'count_chars', args: [s] },
    ]);
    const [ours, theirs] = await both('number', calls);
    expect(ours).toEqual(theirs);
    expect(modules.number.fns.same_str!('\ufeffx')).toBe('\ufeffx');
  });

  it('dicts (str → list[int], int → str), in insertion order, and a list of str', async () => {
    const r = rng(2);
    const d = new Map<string, number[]>();
    for (const w of [...TEXT, 'z', 'a2', 'b']) d.set(w, Array.from({ length: Math.floor(r() * 6) }, () => Math.floor((r() - 0.5) * 2 ** 40)));
    const words = Array.from({ length: 500 }, () => TEXT[Math.floor(r() * TEXT.length)]!);
    const calls: Call[] = [
      { fn: 'same_dict', args: [d] },
      { fn: 'same_dict', args: [new Map()] },
      { fn: 'lengths', args: [d] },
      { fn: 'tally', args: [words] },
      { fn: 'invert', args: [new Map([[3, 'c'], [-1, 'a'], [7, 'c']])] },
    ];
    const [ours, theirs] = await both('number', calls);
    expect(ours).toEqual(theirs);
    const same = modules.number.fns.same_dict!(d) as Map<string, number[]>;
    expect(same).not.toBe(d);
    expect([...same.keys()]).toEqual([...d.keys()]);
  });

  it('nested and variable tuples, sets, frozensets, bools, nested lists', async () => {
    const calls: Call[] = [
      { fn: 'nest', args: [[7, [2.5, 'ünï']]] },
      { fn: 'rev', args: [[1, 2, 3, -4]] },
      { fn: 'rev', args: [[]] },
      { fn: 'uniq', args: [[5, 3, 5, -1, 2 ** 40, 3]] },
      { fn: 'frozen', args: [new Set(['a', 'b', 'ä'])] },
      { fn: 'flags', args: [[true, false, false]] },
      { fn: 'grid', args: [4] },
      { fn: 'grid', args: [0] },
    ];
    const [ours, theirs] = await both('number', calls);
    expect(ours).toEqual(theirs);
  });

  it('Optional arguments and results', async () => {
    const calls: Call[] = [
      { fn: 'maybe_inc', args: [null] },
      { fn: 'maybe_inc', args: [41] },
      { fn: 'maybe_inc', args: [-(2 ** 40)] },
      { fn: 'first_long', args: [['a', 'bb', 'ccc☃', 'dddd'], 4] },
      { fn: 'first_long', args: [['a'], 2] },
      { fn: 'first_long', args: [[], 0] },
    ];
    const [ours, theirs] = await both('number', calls);
    expect(ours).toEqual(theirs);
    expect(modules.number.fns.maybe_inc!(undefined)).toBeNull();
  });

  it('raises the Python exception of a function that takes encoded values', async () => {
    const calls: Call[] = [
      { fn: 'pick', args: [[1, 2, 3], 5] },
      { fn: 'pick', args: [[1, 2, 3], -1] },
      { fn: 'pick', args: [[], 0] },
    ];
    const [ours, theirs] = await both('number', calls);
    expect(ours).toEqual(theirs);
    expect(ours[0]).toEqual({ raised: 'IndexError', message: 'list index out of range' });
    // The module keeps working after an exception.
    expect(modules.number.fns.pick!([4, 5], 1)).toBe(5);
  });

  it('bigint mode: ints cross as exact i64 bigints, safe-integer numbers accepted', async () => {
    const big = [2n ** 63n - 1n, -(2n ** 63n) + 1n, 2n ** 53n + 1n, 0n, -1n];
    const calls: Call[] = [
      { fn: 'ints', args: [big] },
      { fn: 'rev', args: [big] },
      { fn: 'invert', args: [new Map([[2n ** 60n, 'x']])] },
    ];
    const [ours, theirs] = await both('bigint', calls);
    expect(ours).toEqual(theirs);
    expect(modules.bigint.fns.ints!([1, 2n])).toEqual([0n, 1n]);
    const { fns } = modules.bigint;
    expect(() => fns.ints!([2n ** 63n])).toThrow(new RangeError("ints() argument 'xs' item [0] must fit in a signed 64-bit int, got 9223372036854775808n"));
    expect(() => fns.ints!([1.5])).toThrow(new TypeError("ints() argument 'xs' item [0] must be int (a bigint), got 1.5"));
    // i64::MIN - 1 overflows inside the module, as Portalis ints are 64-bit.
    expect(() => fns.ints!([-(2n ** 63n)])).toThrow(expect.objectContaining({ pythonType: 'OverflowError' }));
  });
});

describe.skipIf(rustcMissing)('values in linear memory: the JS checks', () => {
  it('refuses arguments of the wrong JS type, naming the argument and the item', () => {
    const { fns } = modules.number;
    const error = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return `${(e as Error).constructor.name}: ${(e as Error).message}`;
      }
      return 'no error';
    };
    expect(error(() => fns.total!('abc'))).toBe("TypeError: total() argument 'xs' must be list[float] (an array), got string \"abc\"");
    expect(error(() => fns.total!([1, '2']))).toBe("TypeError: total() argument 'xs' item [1] must be float (a number), got string \"2\"");
    expect(error(() => fns.shout!(5))).toBe("TypeError: shout() argument 's' must be str (a string), got 5");
    expect(error(() => fns.same_dict!({ a: [1] }))).toBe("TypeError: same_dict() argument 'd' must be dict[str, list[int]] (a Map), got an object");
    expect(error(() => fns.same_dict!(new Map([['a', [1, 2.5]]])))).toBe("TypeError: same_dict() argument 'd' item <value 0>[1] must be int, got 2.5");
    expect(error(() => fns.same_dict!(new Map([[1, []]])))).toBe("TypeError: same_dict() argument 'd' item <key 0> must be str (a string), got 1");
    expect(error(() => fns.nest!([1, [2.5]]))).toBe("TypeError: nest() argument 't' item [1] must be tuple[float, str] (an array of 2), got an array");
    expect(error(() => fns.frozen!(['a']))).toBe("TypeError: frozen() argument 's' must be frozenset[str] (a Set), got an array");
    expect(error(() => fns.flags!([1]))).toBe("TypeError: flags() argument 'bs' item [0] must be bool (a boolean), got 1");
    expect(error(() => fns.ints!([2 ** 53]))).toBe(
      "RangeError: ints() argument 'xs' item [0] must be a safe integer (between -(2**53 - 1) and 2**53 - 1), got 9007199254740992; use intMode: 'bigint' for larger ints",
    );
    expect(error(() => fns.ints!([1n]))).toBe("TypeError: ints() argument 'xs' item [0] must be int, got 1n");
    // After refused arguments the module is intact.
    expect(fns.ints!([-(2 ** 53) + 2, 2 ** 53 - 1])).toEqual([-(2 ** 53) + 1, 2 ** 53 - 2]);
  });

  it('number mode: an int result that is not a safe integer is a RangeError', () => {
    const { fns } = modules.number;
    expect(() => fns.ints!([-(2 ** 53) + 1])).toThrow(/ints\(\) returned an int, -9007199254740992, that is not a safe integer/);
    expect(fns.ints!([7])).toEqual([6]);
  });
});
