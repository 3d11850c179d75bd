/**
 * Rust for script mode's input: `input()`, `sys.stdin` reads, and
 * `sys.stdout.write` as a value (portalis_rt script.rs / stdin.rs).
 */
import type { OpEntry } from './ops.js';

const lines = 'List::from_vec(stdin_readlines()?.into_iter().map(Str::from).collect())';

export const IO_OPS: Readonly<Record<string, OpEntry>> = {
  'io.input': (a) => `Str::from(sys_input(${a.has(0) ? `Some((${a.r(0)}).as_str())` : 'None'})?)`,
  'io.stdin_read': () => 'Str::from(stdin_read()?)',
  'io.stdin_readline': () => 'Str::from(stdin_readline()?)',
  'io.stdin_readlines': () => lines,
  'io.stdin_lines': () => lines,
  'io.stdout_write': (a) => `sys_stdout_write((${a.r(0)}).as_str())`,
  'io.stderr_write': (a) => `{ let t = ${a.v(0)}; write_fd(2, t.as_str()); str_len(&t) }`,
};
export const IO_METHOD_OPS: Readonly<Record<string, OpEntry>> = {};
