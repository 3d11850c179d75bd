/**
 * The one table of Portalis diagnostic codes.
 *
 * Every user-facing problem the compiler reports has a stable code from this
 * table, a one-line title and a default hint. Codes never change meaning once
 * shipped; retire a code by leaving it here with `retired: true`.
 *
 * Bands:
 *   PTL1xxx  ingest: reading and parsing the source
 *   PTL2xxx  analysis: constructs outside the supported subset
 *   PTL3xxx  analysis: names and types
 *   PTL4xxx  build: Rust toolchain and WASM output
 *   PTL5xxx  conformance: translated module disagrees with CPython
 *   PTL9xxx  internal errors (a Portalis bug, never the user's fault)
 */

export interface CodeInfo {
  readonly title: string;
  readonly hint: string;
  readonly retired?: boolean;
}

export const DIAGNOSTIC_CODES = {
  // ── ingest ────────────────────────────────────────────────────────────
  PTL1001: { title: 'syntax error', hint: 'Fix the Python syntax; `python3 -m py_compile <file>` shows the same error.' },
  PTL1002: { title: 'source is not valid UTF-8', hint: 'Save the file as UTF-8, as Python 3 expects by default.' },
  PTL1003: { title: 'source file cannot be read', hint: 'Check that the path exists and is readable.' },
  PTL1004: { title: 'source file is too large', hint: 'Split the module; Portalis compiles modules up to 4 MiB.' },

  // ── analysis: unsupported constructs ──────────────────────────────────
  PTL2001: { title: 'unsupported statement', hint: 'This statement is outside the Python subset Portalis translates; see docs/python-support.md.' },
  PTL2002: { title: 'unsupported expression', hint: 'This expression is outside the Python subset Portalis translates; see docs/python-support.md.' },
  PTL2003: { title: 'classes are not supported yet', hint: 'Write the logic as module-level functions taking and returning int, float or bool.' },
  PTL2004: { title: 'generators are not supported yet', hint: 'Return a value instead of using `yield`.' },
  PTL2005: { title: 'unsupported import', hint: 'Only `import math` and `from math import ...` are supported.' },
  PTL2006: { title: 'unsupported function feature', hint: 'Use plain positional parameters with annotations; decorators, defaults, *args and **kwargs are not supported yet.' },
  PTL2007: { title: 'unsupported builtin or attribute', hint: 'This name is not available in translated code; see docs/python-support.md for the supported builtins and math functions.' },
  PTL2008: { title: 'unsupported for-loop iterable', hint: 'Loop with `for i in range(...)`; other iterables are not supported yet.' },
  PTL2009: { title: 'unsupported assignment target', hint: 'Assign to plain names or tuples of names.' },
  PTL2010: { title: 'unsupported keyword argument', hint: 'Pass arguments positionally.' },
  PTL2011: { title: 'unsupported module-level statement', hint: 'Module level may hold imports, functions, constant assignments and docstrings; put other code inside a function.' },

  // ── analysis: names and types ─────────────────────────────────────────
  PTL3001: { title: 'missing type annotation', hint: 'Annotate the parameter and return type of exported functions, for example `def f(n: int) -> int:`.' },
  PTL3002: { title: 'unsupported type', hint: 'Use int, float, bool or None.' },
  PTL3003: { title: 'type mismatch', hint: 'Make both sides the same type, or convert explicitly with int(), float() or bool().' },
  PTL3004: { title: 'undefined name', hint: 'Define the name before use, or import it.' },
  PTL3005: { title: 'wrong number of arguments', hint: 'Call the function with the parameters it declares.' },
  PTL3006: { title: 'variable type cannot be determined', hint: 'Annotate the variable, or assign it values of a single type on every path.' },
  PTL3007: { title: 'missing return', hint: 'Return a value on every path, or annotate the function `-> None`.' },
  PTL3008: { title: 'assignment to a module constant', hint: 'Module-level names are constants in translated code; use a local variable.' },
  PTL3009: { title: 'name used before assignment', hint: 'Assign the variable on every path before it is read.' },
  PTL3010: { title: 'exported name collides', hint: 'Rename the function; this name is reserved by the WASM boundary.' },
  PTL3011: { title: 'integer out of the 64-bit range', hint: 'Portalis ints are 64-bit (-2**63 to 2**63 - 1) until arbitrary precision lands.' },
  PTL3012: { title: 'type cannot cross the JS boundary', hint: 'Exported functions take and return int, float, bool, str, None, and lists, tuples, dicts, sets and Optionals of those; keep other types (range, functions) inside the module.' },

  // ── build ──────────────────────────────────────────────────────────────
  PTL4001: { title: 'no Rust compiler with the wasm32-unknown-unknown target', hint: 'Install one: `apt-get install rustc libstd-rust-dev-wasm32` (Debian), or `rustup target add wasm32-unknown-unknown`, or point PORTALIS_RUSTC at a rustc that has the target.' },
  PTL4002: { title: 'rustc failed on generated code', hint: 'This is a Portalis bug: the translator produced Rust that does not compile. Please report it with the .py file.' },
  PTL4003: { title: 'invalid WASM output', hint: 'This is a Portalis bug: the built module does not match its spec. Please report it with the .py file.' },
  PTL4004: { title: 'build cancelled', hint: 'A newer build of the same file replaced this one.' },
  PTL4005: { title: 'PORTALIS_RUSTC does not work', hint: 'PORTALIS_RUSTC must name a rustc binary that has the wasm32-unknown-unknown target installed.' },

  // ── conformance ───────────────────────────────────────────────────────
  PTL5001: { title: 'result differs from CPython', hint: 'This is a Portalis bug: the translated module computed a different answer. Please report it with the .py file.' },
  PTL5002: { title: 'exception differs from CPython', hint: 'This is a Portalis bug: the translated module raised a different exception. Please report it with the .py file.' },
  PTL5003: { title: 'python3 not found', hint: 'Install Python 3.11 or newer, or set PORTALIS_PYTHON to its path.' },
  PTL5004: { title: 'int result outside the 64-bit range', hint: 'CPython returned an arbitrary-precision int; Portalis raises OverflowError until big integers are supported.' },
  PTL5005: { title: 'module fails to import under CPython', hint: 'Importing the module with python3 raised an exception or ran too long, so nothing could be compared; run `python3 <file>` to see why.' },

  // ── internal ──────────────────────────────────────────────────────────
  PTL9001: { title: 'internal compiler error', hint: 'This is a Portalis bug. Please report it with the .py file and the message above.' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function codeInfo(code: DiagnosticCode): CodeInfo {
  return DIAGNOSTIC_CODES[code];
}
