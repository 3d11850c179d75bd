// Micro-benchmark: portalis_rt string operations in wasm32 (V8) against the
// same operations in python3. Compiles portalis_rt and str_bench.rs with
// /usr/bin/rustc (opt-level 3); each wasm benchmark loops inside wasm, each
// Python one is a timeit loop of the same expression. Best of 5, interleaved.
// Not a test: run `node actors/rt/test/str-bench.mjs`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const rustc = process.env.PORTALIS_RUSTC ?? '/usr/bin/rustc';
const dir = mkdtempSync(path.join(os.tmpdir(), 'portalis-str-bench-'));
const common = ['--edition', '2021', '--target', 'wasm32-unknown-unknown', '-C', 'opt-level=3', '-C', 'debuginfo=0', '-C', 'panic=abort'];
execFileSync(rustc, [...common, '--crate-type', 'rlib', '--crate-name', 'portalis_rt', '-o', path.join(dir, 'libportalis_rt.rlib'), path.join(here, '..', 'src', 'lib.rs')]);
execFileSync(rustc, [...common, '--crate-type', 'cdylib', '--extern', `portalis_rt=${path.join(dir, 'libportalis_rt.rlib')}`, '-o', path.join(dir, 'b.wasm'), path.join(here, 'str_bench.rs')]);
const { instance } = await WebAssembly.instantiate(readFileSync(path.join(dir, 'b.wasm')), {});
const x = instance.exports;

// name, wasm export, iterations, Python setup, Python statement (one operation)
const cases = [
  ['split()', 'b_split', 200_000, 't = "the quick brown fox jumps over the lazy dog"', 't.split()'],
  ['upper() ASCII', 'b_upper_ascii', 500_000, 't = "the quick brown fox jumps over the lazy dog"', 't.upper()'],
  ['lower() Greek', 'b_lower_greek', 200_000, 't = "ΟΔΥΣΣΕΥΣ ΚΑΙ ΠΗΝΕΛΟΠΗ ΣΤΗΝ ΙΘΑΚΗ"', 't.lower()'],
  ['find()', 'b_find', 1_000_000, 't = "the quick brown fox jumps over the lazy dog"', 't.find("lazy")'],
  ['replace()', 'b_replace', 200_000, 't = "the quick brown fox jumps over the lazy dog"', 't.replace("o", "0")'],
  ["format(x, '.3f')", 'b_format_float', 200_000, 'x = 12345.678', "format(x, '.3f')"],
  ['format(x, "") (repr)', 'b_format_float_repr', 200_000, 'x = 12345.678', "format(x, '')"],
  ["format(i, '>12,')", 'b_format_int', 500_000, 'i = 123456789', "format(i, '>12,')"],
  ['int(s)', 'b_int_parse', 500_000, 's = "  123456789 "', 'int(s)'],
  ['float(s)', 'b_float_parse', 500_000, 's = "3.14159265358979"', 'float(s)'],
  ['s += "x"', 'b_iadd', 1_000_000, 's = ""', 's += "x"'],
  ['s[i] ASCII (1000 chars)', 'b_index_ascii', 1_000_000, 't = "abcdefghij" * 100; i = 500', 't[i]'],
  ['s[i] non-ASCII (1000 chars)', 'b_index_nonascii', 200_000, 't = "abcdéfghij" * 100; i = 500', 't[i]'],
];

function pythonNs(setup, stmt, n) {
  const code = `import timeit\nprint(min(timeit.repeat(${JSON.stringify(stmt)}, setup=${JSON.stringify(setup)}, number=${n}, repeat=5)) / ${n} * 1e9)`;
  return Number(execFileSync(process.env.PORTALIS_PYTHON ?? 'python3', ['-c', code]).toString());
}

console.log('operation                      wasm ns/op   python3 ns/op   wasm/python');
for (const [name, fn, n, setup, stmt] of cases) {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t = process.hrtime.bigint();
    x[fn](BigInt(n));
    best = Math.min(best, Number(process.hrtime.bigint() - t) / n);
  }
  const py = pythonNs(setup, stmt, n);
  console.log(`${name.padEnd(30)} ${best.toFixed(1).padStart(10)} ${py.toFixed(1).padStart(15)} ${(best / py).toFixed(2).padStart(12)}x`);
}
