/**
 * The WASM validator on hand-assembled binaries: header checks, LEB128,
 * type/import/function/export sections, and every mismatch with a spec.
 */
import { describe, expect, it } from 'vitest';
import { SCRIPT_SPEC, type ModuleSpec } from '../spec/types.js';
import { parseWasm, validateWasm } from './validate-wasm.js';
import { fibSpec } from './__fixtures__/fib.spec.js';

const T = { i32: 0x7f, i64: 0x7e, f64: 0x7c } as const;
type VT = keyof typeof T;

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

const str = (s: string): number[] => [...leb(s.length), ...new TextEncoder().encode(s)];
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];

interface Fn {
  name: string;
  params: VT[];
  results: VT[];
}

/** A module exporting `fns` (bodies omitted: the validator never reads code) and memory. */
function module(fns: Fn[], opts: { memory?: boolean; importFn?: boolean | { module: string; fn: Fn }; padLeb?: boolean } = {}): Uint8Array {
  const typeOf = (f: Fn) => [0x60, ...leb(f.params.length), ...f.params.map((p) => T[p]), ...leb(f.results.length), ...f.results.map((r) => T[r])];
  const own = typeof opts.importFn === 'object' ? [opts.importFn.fn] : [];
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  bytes.push(...section(1, [...leb(fns.length + own.length), ...[...fns, ...own].flatMap(typeOf)]));
  const imported = opts.importFn ? 1 : 0;
  if (opts.importFn === true) bytes.push(...section(2, [1, ...str('env'), ...str('abort'), 0x00, 0]));
  if (typeof opts.importFn === 'object') bytes.push(...section(2, [1, ...str(opts.importFn.module), ...str(opts.importFn.fn.name), 0x00, ...leb(fns.length)]));
  bytes.push(...section(3, [...leb(fns.length), ...fns.flatMap((_, i) => leb(i))]));
  const exports = fns.map((f, i) => [...str(f.name), 0x00, ...leb(i + imported)]);
  if (opts.memory !== false) exports.push([...str('memory'), 0x02, 0]);
  exports.push([...str('__data_end'), 0x03, 0]);
  const body = [...leb(exports.length), ...exports.flat()];
  if (opts.padLeb) {
    // The same export section with its size written in a padded 5-byte LEB128.
    const n = body.length;
    bytes.push(7, (n & 0x7f) | 0x80, ((n >> 7) & 0x7f) | 0x80, 0x80, 0x80, 0x00, ...body);
  } else {
    bytes.push(...section(7, body));
  }
  bytes.push(...section(0, [...str('name'), 1, 2, 3])); // a custom section is skipped
  return new Uint8Array(bytes);
}

function fnsFor(spec: ModuleSpec): Fn[] {
  const out: Fn[] = [];
  for (const e of spec.exports) {
    out.push({ name: e.wasm.name, params: [...e.wasm.params] as VT[], results: [...e.wasm.results] as VT[] });
    if (e.wide) out.push({ name: e.wide.name, params: [...e.wide.params] as VT[], results: [...e.wide.results] as VT[] });
  }
  out.push(
    { name: '__portalis_state_ptr', params: [], results: ['i32'] },
    { name: '__portalis_error_ptr', params: [], results: ['i32'] },
    { name: '__portalis_error_len', params: [], results: ['i32'] },
    { name: '__portalis_wide_result', params: [], results: ['i64'] },
    { name: '__portalis_clear', params: [], results: [] },
    { name: '__portalis_alloc', params: ['i32'], results: ['i32'] },
    { name: '__portalis_result_ptr', params: [], results: ['i32'] },
    { name: '__portalis_result_len', params: [], results: ['i32'] },
  );
  return out;
}

describe('validateWasm', () => {
  it('accepts a module that matches its spec', () => {
    expect(validateWasm(module(fnsFor(fibSpec)), fibSpec)).toEqual([]);
    expect(validateWasm(module(fnsFor(fibSpec), { padLeb: true }), fibSpec)).toEqual([]);
  });

  it('parses sections and multi-byte LEB128', () => {
    const many = Array.from({ length: 200 }, (_, i): Fn => ({ name: `f${i}`, params: ['f64'], results: ['f64'] }));
    const info = parseWasm(module(many));
    expect(info.types).toHaveLength(200);
    expect(info.exports.filter((e) => e.kind === 'func')).toHaveLength(200);
    expect(info.exports.find((e) => e.name === 'f199')!.index).toBe(199);
    expect(info.exports.find((e) => e.name === '__data_end')!.kind).toBe('global');
  });

  it('rejects bad headers and truncated sections', () => {
    expect(validateWasm(new Uint8Array([0, 1, 2]), fibSpec)[0]).toMatch(/too short/);
    const good = module(fnsFor(fibSpec));
    const badMagic = good.slice();
    badMagic[1] = 0x62;
    expect(validateWasm(badMagic, fibSpec)[0]).toMatch(/magic/);
    const badVersion = good.slice();
    badVersion[4] = 2;
    expect(validateWasm(badVersion, fibSpec)[0]).toMatch(/version 2/);
    expect(validateWasm(good.subarray(0, good.length - 5), fibSpec)[0]).toMatch(/malformed WASM: section 0 .* runs past the end/);
  });

  it('names every mismatch with the spec', () => {
    const fns = fnsFor(fibSpec)
      .filter((f) => f.name !== 'fib__wide' && f.name !== '__portalis_clear')
      .map((f) => (f.name === 'ratio' ? { ...f, results: ['i32'] as VT[] } : f));
    fns.push({ name: 'helper', params: [], results: [] });
    const problems = validateWasm(module(fns, { memory: false, importFn: true }), fibSpec);
    expect(problems).toEqual([
      'imports env.abort, but Portalis modules must have no imports',
      'missing export fib__wide: (i64) -> (i64)',
      'export ratio has type (f64, f64) -> (i32), the spec says (f64, f64) -> (f64)',
      'missing export __portalis_clear: () -> ()',
      'unexpected function export helper',
      'memory is not exported',
    ]);
  });

  it('lets a script import the host functions of docs/abi.md, with their types only', () => {
    const script: ModuleSpec = { ...fibSpec, script: SCRIPT_SPEC };
    const fns = [...fnsFor(fibSpec), { name: '__portalis_main', params: [], results: ['i32'] as VT[] }];
    const read = (params: VT[], results: VT[]) => module(fns, { importFn: { module: 'portalis', fn: { name: 'read', params, results } } });
    expect(validateWasm(read(['i32', 'i32', 'i32'], ['i32']), script)).toEqual([]);
    expect(validateWasm(read(['i32', 'i32'], ['i32']), script)).toEqual([
      'import portalis.read has type (i32, i32) -> (i32), the spec says (i32, i32, i32) -> (i32)',
    ]);
    expect(validateWasm(read(['i32', 'i32', 'i32'], ['i32']), fibSpec)).toEqual([
      'imports portalis.read, but Portalis modules must have no imports',
      'unexpected function export __portalis_main',
    ]);
  });
});
