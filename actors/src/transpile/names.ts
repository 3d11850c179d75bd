/**
 * Rust names for Python names. Python names are kept where Rust allows them;
 * otherwise:
 *
 * - Rust keywords become raw identifiers (`type` → `r#type`), except `self`,
 *   `super`, `crate` and `Self`, which cannot be raw and get a `_` suffix;
 * - names that would shadow what generated code relies on (the `portalis_rt`
 *   items brought in by `use portalis_rt::*`, `Ok`, `Err`, ...) get a `_`
 *   suffix, as do locals named like a module-level item (a `let N` where a
 *   `const N` is in scope would be a pattern match in Rust, not a binding);
 * - the result is made unique with more `_`.
 *
 * Also the rustc lint predicates used to emit `#[allow(...)]` only where a
 * lint really fires (non_snake_case, non_upper_case_globals).
 */

const RAW_OK_KEYWORDS = new Set([
  'as', 'break', 'const', 'continue', 'else', 'enum', 'extern', 'false', 'fn', 'for', 'if', 'impl', 'in', 'let',
  'loop', 'match', 'mod', 'move', 'mut', 'pub', 'ref', 'return', 'static', 'struct', 'trait', 'true', 'type',
  'unsafe', 'use', 'where', 'while', 'async', 'await', 'dyn', 'abstract', 'become', 'box', 'do', 'final', 'macro',
  'override', 'priv', 'typeof', 'unsized', 'virtual', 'yield', 'try',
]);
const NOT_RAW_KEYWORDS = new Set(['self', 'super', 'crate', 'Self']);

/**
 * Value-namespace names generated code refers to without a path: every item
 * `portalis_rt` exports (actors/rt/README.md; a user item of the same name
 * would shadow the glob import) and the prelude's constructors.
 */
export const RESERVED_VALUE_NAMES: ReadonlySet<string> = new Set([
  'Ok', 'Err', 'Some', 'None', 'drop',
  // portalis_rt functions
  'int_add', 'int_sub', 'int_mul', 'int_neg', 'int_abs', 'int_floordiv', 'int_mod', 'int_divmod', 'int_pow',
  'int_pow_float', 'int_lshift', 'int_rshift', 'int_truediv', 'int_to_float', 'float_div', 'float_floordiv',
  'float_mod', 'float_pow', 'float_divmod', 'float_to_int', 'cmp_int_float', 'int_float_eq', 'int_float_ne',
  'int_float_lt', 'int_float_le', 'int_float_gt', 'int_float_ge', 'float_int_eq', 'float_int_ne', 'float_int_lt',
  'float_int_le', 'float_int_gt', 'float_int_ge', 'round_float', 'round_float_nd', 'round_int_nd', 'math_sqrt',
  'math_exp', 'math_exp2', 'math_expm1', 'math_log', 'math_log2', 'math_log10', 'math_log1p', 'math_sin', 'math_cos',
  'math_tan', 'math_asin', 'math_acos', 'math_atan', 'math_sinh', 'math_cosh', 'math_tanh', 'math_fabs',
  'math_degrees', 'math_radians', 'math_pow', 'math_atan2', 'math_hypot', 'math_fmod', 'math_copysign',
  'math_log_base', 'math_floor', 'math_ceil', 'math_trunc', 'math_isclose', 'math_isnan', 'math_isinf',
  'math_isfinite', 'math_gcd', 'math_factorial', 'enter_call', 'call_depth', 'import_int', 'import_bool',
  'export_int', 'export_int_wide', 'export_float', 'export_bool', 'export_none', 'abi_state', 'abi_error_record',
  'py_range', 'opaque_f64',
  // portalis_rt constants
  'COMPLEX_POW', 'DIV_ZERO', 'FLOAT_DIVMOD_ZERO', 'FLOAT_DIV_ZERO', 'FLOAT_FLOORDIV_ZERO', 'FLOAT_INF_TO_INT',
  'FLOAT_MOD_ZERO', 'FLOAT_NAN_TO_INT', 'INT_DIV_ZERO', 'INT_MOD_ZERO', 'INT_OVERFLOW', 'MATH_DOMAIN', 'MATH_RANGE',
  'NEGATIVE_INT_POW', 'NEGATIVE_SHIFT', 'POW_RANGE', 'RECURSION', 'ROUND_TOO_LARGE', 'ZERO_NEG_POW', 'MATH_PI',
  'MATH_E', 'MATH_TAU', 'MATH_INF', 'MATH_NAN', 'RECURSION_LIMIT', 'ABI_VERSION', 'MAX_SAFE_INTEGER', 'STATE_OK',
  'STATE_EXCEPTION', 'STATE_WIDE_INT',
]);

/** The identifier for `name` (keywords made legal), before any collision handling. */
export function legalIdent(name: string): string {
  if (NOT_RAW_KEYWORDS.has(name)) return `${name}_`;
  if (RAW_OK_KEYWORDS.has(name)) return `r#${name}`;
  return name;
}

/** The name without a raw prefix (what a lint or a symbol sees). */
export function bareIdent(ident: string): string {
  return ident.startsWith('r#') ? ident.slice(2) : ident;
}

/** Picks a Rust identifier for `name` that is legal, not reserved and not taken; records it as taken. */
export function pickIdent(name: string, taken: Set<string>, reserved: ReadonlySet<string> = RESERVED_VALUE_NAMES): string {
  let ident = legalIdent(name);
  while (reserved.has(bareIdent(ident)) || taken.has(bareIdent(ident))) ident = `${bareIdent(ident)}_`;
  taken.add(bareIdent(ident));
  return ident;
}

/** rustc's `non_snake_case` test (rustc_lint::nonstandard_style::is_snake_case). */
export function isSnakeCase(ident: string): boolean {
  const trimmed = bareIdent(ident).replace(/^_+|_+$/g, '');
  let allowUnderscore = true;
  for (const c of trimmed) {
    if (c === '_') {
      if (!allowUnderscore) return false;
      allowUnderscore = false;
    } else if (c !== c.toLowerCase()) {
      return false;
    } else {
      allowUnderscore = true;
    }
  }
  return true;
}

/** rustc's `non_upper_case_globals` test: no lowercase letter. */
export function isUpperCase(ident: string): boolean {
  const name = bareIdent(ident);
  return ![...name].some((c) => c !== c.toUpperCase());
}
