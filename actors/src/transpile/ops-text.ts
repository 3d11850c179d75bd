/**
 * Rust for the text operations, methods and builtins (see ops.ts for the
 * entry format). Merged into OPS / METHOD_OPS by ops.ts.
 */
import type { OpArgs, OpEntry } from './ops.js';

/** `Some(i)` / `None` for an optional int argument (absent, `None`, `Optional[int]` or int). */
function optInt(a: OpArgs, i: number): string {
  const n = a.node(i);
  if (n === null || n.kind === 'none') return 'None';
  if (n.type.startsWith('Optional[')) return a.v(i);
  return `Some(${a.v(i)})`;
}

/** `s.startswith((p, q), start, end)`: true when any prefix matches (arguments evaluated once, in order). */
function affixTuple(fn: 'str_startswith' | 'str_endswith'): OpEntry {
  return (a) => `{ let tx_s = ${a.r(0)}; let tx_p = ${a.items(1)}; let tx_a = ${optInt(a, 2)}; let tx_b = ${optInt(a, 3)}; tx_p.iter().any(|p| ${fn}(tx_s, p, tx_a, tx_b)) }`;
}

export const TEXT_OPS: Readonly<Record<string, OpEntry>> = {
  'text.ord': (a) => `py_ord(${a.r(0)})?`,
  'text.chr': (a) => `py_chr(${a.v(0)})?`,
  'text.bin': (a) => `py_bin(${a.v(0)})`,
  'text.hex': (a) => `py_hex(${a.v(0)})`,
  'text.oct': (a) => `py_oct(${a.v(0)})`,
  'text.hash': (a) => `py_hash(${a.r(0)})`,
  'text.startswith_tuple': affixTuple('str_startswith'),
  'text.endswith_tuple': affixTuple('str_endswith'),
};
export const TEXT_METHOD_OPS: Readonly<Record<string, OpEntry>> = {};
