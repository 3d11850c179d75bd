import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pbEnum, pbString, writePbtxt } from './config-pbtxt.js';
import { parseTritonArgs, TritonUsageError } from './options.js';
import { runTriton } from './target.js';

const FUNCS = fileURLToPath(new URL('../../../../tests/fixtures/triton/funcs.py', import.meta.url));

describe('text format writer', () => {
  it('writes nested messages, repeated fields and enums', () => {
    expect(writePbtxt([['name', 'm'], ['dims', 1], ['dims', 2], ['kind', pbEnum('KIND_CPU')], ['d', []], ['g', [['count', 2]]]])).toBe(
      'name: "m"\ndims: 1\ndims: 2\nkind: KIND_CPU\nd { }\ng {\n  count: 2\n}\n',
    );
  });
  it('escapes strings as C escapes, non-ASCII as octal UTF-8 bytes', () => {
    expect(pbString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(pbString('é')).toBe('"\\303\\251"');
  });
});

describe('triton options', () => {
  it('has defaults and parses values', () => {
    const d = parseTritonArgs([]);
    expect(d.options).toMatchObject({ maxBatchSize: 8, instances: 1, kind: 'KIND_CPU', dynamicBatching: false, fuel: null, timeoutMs: 10000, memoryMb: 256 });
    expect(d.k8s).toBeNull();
    const p = parseTritonArgs(['--max-batch-size=16', '--preferred-batch-size', '4,8', '--preferred-batch-size', '16', '--kind', 'KIND_GPU', '--fuel', '5', '--k8s', 'more.py']);
    expect(p.options).toMatchObject({ maxBatchSize: 16, kind: 'KIND_GPU', dynamicBatching: true, preferredBatchSizes: [4, 8, 16], fuel: 5 });
    expect(p.k8s).toEqual({ dir: null, tritonVersion: '24.08' });
    // A word after a flag without a value is an input file.
    expect(p.inputs).toEqual(['more.py']);
  });
  it('refuses bad values', () => {
    expect(() => parseTritonArgs(['--instances', '0'])).toThrow(TritonUsageError);
    expect(() => parseTritonArgs(['--fuel', '1e6'])).toThrow(/whole number/);
    expect(() => parseTritonArgs(['--max-batch-size', '0', '--dynamic-batching'])).toThrow(/dynamic batching needs/);
    expect(() => parseTritonArgs(['--bogus'])).toThrow(/unknown option '--bogus'/);
    expect(() => parseTritonArgs(['--triton-version', 'latest'])).toThrow(/release like/);
  });
});

describe('runTriton', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('writes one model per function with config.pbtxt, model.wasm and portalis.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portalis-triton-'));
    dirs.push(dir);
    let err = '';
    const status = await runTriton([FUNCS], join(dir, 'repo'), ['--fuel', '1000', '--max-batch-size', '0'], { stdout: () => {}, stderr: (t) => (err += t) });
    expect(status, err).toBe(0);
    expect((await readdir(join(dir, 'repo'))).sort()).toEqual(['add', 'fib', 'floordiv', 'is_even', 'log_ratio', 'spin']);
    const config = await readFile(join(dir, 'repo', 'is_even', 'config.pbtxt'), 'utf8');
    expect(config).toContain('backend: "portalis_wasm"\nmax_batch_size: 0\ninput {\n  name: "n"\n  data_type: TYPE_INT64\n  dims: 1\n}\noutput {\n  name: "OUTPUT0"\n  data_type: TYPE_BOOL\n  dims: 1\n}\n');
    expect(config).toContain('parameters {\n  key: "fuel"\n  value {\n    string_value: "1000"\n  }\n}\n');
    const meta = JSON.parse(await readFile(join(dir, 'repo', 'is_even', '1', 'portalis.json'), 'utf8'));
    expect(meta).toMatchObject({ function: 'is_even', abiVersion: 1, wasm: 'model.wasm', limits: { fuel: 1000, timeout_ms: 10000, memory_mb: 256 } });
    const wasm = await readFile(join(dir, 'repo', 'is_even', '1', 'model.wasm'));
    expect(WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name)).toContain('is_even__wide');
  });

  it('exits 2 on a missing input and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portalis-triton-'));
    dirs.push(dir);
    let err = '';
    const status = await runTriton([join(dir, 'nope.py')], join(dir, 'repo'), [], { stdout: () => {}, stderr: (t) => (err += t) });
    expect(status).toBe(2);
    expect(err).toContain('no such file or directory');
    await expect(readdir(join(dir, 'repo'))).rejects.toThrow();
  });
});
