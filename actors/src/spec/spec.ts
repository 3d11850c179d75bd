/**
 * The spec stage: what the translated module looks like from outside. For
 * each exported function (a module-level `def` not starting with `_`) it
 * fixes the WASM signatures of docs/abi.md (the fast export, ints as f64, and
 * the `__wide` export, ints as i64, when an int crosses) and the TypeScript
 * signatures for both int modes. A function with a parameter or result that
 * is not a scalar (str, containers, Optional) gets the one `__w` export of
 * "Values in linear memory" instead, and makes the module ABI version 2.
 * Refuses exported names that would collide with the ABI's own exports
 * (PTL3010) and types that cannot cross (PTL3012).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AnalysisResult, FunctionIR } from '../analysis/types.js';
import { BoundaryTypeError, isScalarType, parseBoundaryType, tsTypeOf } from './boundary-type.js';
import { type ExportSpec, type ModuleSpec, type PyScalar, type PyType, SCRIPT_SPEC, SUPPORT_EXPORTS, type WasmValType } from './types.js';

export interface SpecResult {
  readonly spec: ModuleSpec;
  readonly diagnostics: Diagnostic[];
}

/** Suffix of the wide export (docs/abi.md). */
export const WIDE_SUFFIX = '__wide';
/** Suffix of the export taking encoded values (docs/abi.md, "Values in linear memory"). */
export const WIRE_SUFFIX = '__w';

const FAST: Readonly<Record<PyScalar, WasmValType>> = { int: 'f64', float: 'f64', bool: 'i32' };
const WIDE: Readonly<Record<PyScalar, WasmValType>> = { int: 'i64', float: 'f64', bool: 'i32' };

function results(t: PyType, map: Readonly<Record<PyScalar, WasmValType>>): WasmValType[] {
  return isScalarType(t) ? [map[t]] : [];
}

/** The TypeScript type of a param (`in`) or result (`out`); a None result is `void`. */
export function tsType(t: PyType, intType: 'number' | 'bigint', position: 'in' | 'out'): string {
  if (t === 'None' && position === 'out') return 'void';
  return tsTypeOf(parseBoundaryType(t), intType, position);
}

/** `fib(n: number): number` — the signature as it appears after `export declare function`. */
export function tsSignature(fn: Pick<ExportSpec, 'name' | 'params' | 'returns'>, intType: 'number' | 'bigint'): string {
  const params = fn.params.map((p) => `${p.name}: ${tsType(p.type, intType, 'in')}`).join(', ');
  return `${fn.name}(${params}): ${tsType(fn.returns, intType, 'out')}`;
}

/** Whether a function's values cross as WASM scalars (ABI 1) or encoded (ABI 2). */
export function boundaryOf(params: readonly { readonly type: PyType }[], returns: PyType): 'scalar' | 'wire' {
  return params.every((p) => isScalarType(p.type)) && (returns === 'None' || isScalarType(returns)) ? 'scalar' : 'wire';
}

/** The export spec; throws BoundaryTypeError for a type that cannot cross. */
export function exportSpec(fn: Pick<FunctionIR, 'name' | 'doc' | 'line'> & { readonly params: readonly { readonly name: string; readonly type: PyType }[]; readonly returns: PyType }): ExportSpec {
  const params = fn.params.map((p) => ({ name: p.name, type: p.type as PyType }));
  const returns: PyType = fn.returns;
  for (const t of [...params.map((p) => p.type), returns]) parseBoundaryType(t);
  const base = { name: fn.name, params, returns };
  const ts = { number: tsSignature(base, 'number'), bigint: tsSignature(base, 'bigint') };
  if (boundaryOf(params, returns) === 'wire') {
    const wasm = { name: fn.name + WIRE_SUFFIX, params: ['i32', 'i32'] as WasmValType[], results: [] };
    return { ...base, boundary: 'wire', doc: fn.doc, line: fn.line, wasm, wide: null, ts };
  }
  const scalar = (t: PyType): PyScalar => t as PyScalar;
  const usesInt = returns === 'int' || params.some((p) => p.type === 'int');
  return {
    ...base,
    boundary: 'scalar',
    doc: fn.doc,
    line: fn.line,
    wasm: { name: fn.name, params: params.map((p) => FAST[scalar(p.type)]), results: results(returns, FAST) },
    wide: usesInt ? { name: fn.name + WIDE_SUFFIX, params: params.map((p) => WIDE[scalar(p.type)]), results: results(returns, WIDE) } : null,
    ts,
  };
}

/**
 * C symbols a Rust wasm32 module links (compiler-builtins' libm port and the
 * mem* functions). An export is a `#[no_mangle]` symbol of the same name, and
 * a user function named like one of these would silently replace it for the
 * whole module (e.g. a Python `def exp(x: float)` would become what
 * `math.exp` calls), or fail to link.
 */
const LINKED_C_SYMBOLS: ReadonlySet<string> = new Set(
  `acos acosf acosh acoshf asin asinf asinh asinhf atan atan2 atan2f atanf atanh atanhf cbrt cbrtf ceil ceilf
  copysign copysignf cos cosf cosh coshf erf erfc erfcf erff exp exp10 exp10f exp2 exp2f expf expm1 expm1f fabs
  fabsf fdim fdimf floor floorf fma fmaf fmax fmaxf fmaximum fmaximumf fmin fminf fminimum fminimumf fmod fmodf
  frexp frexpf hypot hypotf ilogb ilogbf j0 j0f j1 j1f jn jnf ldexp ldexpf lgamma lgamma_r lgammaf lgammaf_r log
  log10 log10f log1p log1pf log2 log2f logf modf modff nextafter nextafterf pow powf remainder remainderf remquo
  remquof rint rintf round roundf roundeven roundevenf scalbn scalbnf sin sincos sincosf sinf sinh sinhf sqrt sqrtf
  tan tanf tanh tanhf tgamma tgammaf trunc truncf y0 y0f y1 y1f yn ynf
  memcpy memmove memset memcmp bcmp strlen main abort malloc free calloc realloc`.split(/\s+/),
);

/** Why an exported name cannot be a WASM export name, or null when it can. */
export function exportNameProblem(name: string): string | null {
  if (name.endsWith(WIDE_SUFFIX)) return `names ending in \`${WIDE_SUFFIX}\` are reserved for the wide (bigint) exports`;
  if (name.endsWith(WIRE_SUFFIX)) return `names ending in \`${WIRE_SUFFIX}\` are reserved for the exports that take encoded values`;
  if (name.startsWith('__portalis')) return 'names starting with `__portalis` are reserved for the support exports';
  if (SUPPORT_EXPORTS.some((s) => s.name === name)) return `\`${name}\` is a support export of every Portalis module`;
  if (name === 'memory') return '`memory` is the linear memory export of every Portalis module';
  if (LINKED_C_SYMBOLS.has(name)) {
    return `\`${name}\` is also a C library function linked into every module (the math and memory routines Rust uses), which an export of that name would replace`;
  }
  return null;
}

export async function specify(analysis: AnalysisResult): Promise<SpecResult> {
  return specifySync(analysis);
}

export function specifySync(analysis: AnalysisResult): SpecResult {
  const diagnostics: Diagnostic[] = [];
  const functions = analysis.module?.functions ?? [];
  const exports: ExportSpec[] = [];
  for (const fn of functions) {
    if (!fn.exported) continue;
    const problem = exportNameProblem(fn.name);
    if (problem) {
      diagnostics.push(
        diagnostic({ code: 'PTL3010', message: `cannot export \`${fn.name}\`: ${problem}`, file: analysis.file, range: fn.nameRange, stage: 'spec' }),
      );
      continue;
    }
    try {
      exports.push(exportSpec(fn));
    } catch (err) {
      if (!(err instanceof BoundaryTypeError)) throw err;
      diagnostics.push(
        diagnostic({ code: 'PTL3012', message: `cannot export \`${fn.name}\`: its ${err.type === fn.returns ? 'result' : 'parameter'} ${err.message}`, file: analysis.file, range: fn.nameRange, stage: 'spec' }),
      );
    }
  }
  const names = new Set(exports.map((e) => e.name));
  const spec: ModuleSpec = {
    module: analysis.moduleName,
    exports,
    defaultExport: names.has(analysis.moduleName) ? analysis.moduleName : null,
    abiVersion: exports.some((e) => e.boundary === 'wire') ? 2 : 1,
    ...(analysis.module?.entry ? { script: SCRIPT_SPEC } : {}),
  };
  return { spec, diagnostics };
}
