/**
 * Rust for the text operations, methods and builtins (see ops.ts for the
 * entry format). Merged into OPS / METHOD_OPS by ops.ts.
 */
import { tupleParts } from '../analysis/ty.js';
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
  return (a) => `{ let tx_s = ${a.r(0)}; let tx_p = ${a.node(1)!.type === 'tuple[()]' ? `{ let _ = ${a.v(1)}; Vec::<Str>::new() }` : a.items(1)}; let tx_a = ${optInt(a, 2)}; let tx_b = ${optInt(a, 3)}; tx_p.iter().any(|p| ${fn}(tx_s, p, tx_a, tx_b)) }`;
}

/**
 * `print(...)` with spread arguments or str-valued `sep=`/`end=`, as one line
 * of text. Argument 0 is a literal pattern, one letter per further argument:
 * `v` a value, `s` an iterable spread with `*`, `t` a tuple of mixed types spread, `S` the sep, `E` the end.
 */
function printLine(a: OpArgs): string {
  const p = a.node(0);
  const pattern = p !== null && p.kind === 'literal' && p.type === 'str' ? p.value : '';
  const steps = Array.from(pattern, (c, k) => {
    const i = k + 1;
    const t = a.node(i)!.type;
    if (c === 'v') return `tx_parts.push(str_string(${a.r(i)}));`;
    if (c === 't') return `{ let tx_t = ${a.v(i)}; ${(tupleParts(t) ?? []).map((_, j) => `tx_parts.push(str_string(&tx_t.${j}));`).join(' ')} }`;
    if (c === 's') return `for tx_x in ${a.items(i)} { tx_parts.push(str_string(&tx_x)); }`;
    const slot = c === 'S' ? 'tx_sep' : 'tx_end';
    if (t === 'None') return `{ let _ = ${a.v(i)}; ${slot} = None; }`;
    if (t === 'str') return `${slot} = Some(${a.v(i)});`;
    return `${slot} = ${a.v(i)};`;
  });
  return (
    '{ let mut tx_parts: Vec<String> = Vec::new(); let mut tx_sep: Option<Str> = None; let mut tx_end: Option<Str> = None; ' +
    `${steps.join(' ')} ` +
    'let mut tx_line = tx_parts.join(match &tx_sep { Some(x) => x.as_str(), None => " " }); ' +
    'tx_line.push_str(match &tx_end { Some(x) => x.as_str(), None => "\\n" }); Str::from(tx_line) }'
  );
}

export const TEXT_OPS: Readonly<Record<string, OpEntry>> = {
  'text.print_line': printLine,
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
