/**
 * The spec stage: what the translated module looks like from outside. For
 * each exported function (a module-level `def` not starting with `_`) it
 * fixes the WASM signatures of docs/abi.md (the fast export, ints as f64, and
 * the `__wide` export, ints as i64, when an int crosses) and the TypeScript
 * signatures for both int modes. Refuses exported names that would collide
 * with the ABI's own exports (PTL3010).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AnalysisResult, FunctionIR } from '../analysis/types.js';
import { type ExportSpec, type ModuleSpec, type PyReturn, type PyScalar, SCRIPT_SPEC, SUPPORT_EXPORTS, type WasmValType } from './types.js';

export interface SpecResult {
  readonly spec: ModuleSpec;
  readonly diagnostics: Diagnostic[];
}

/** Suffix of the wide export (docs/abi.md). */
export const WIDE_SUFFIX = '__wide';

const FAST: Readonly<Record<PyScalar, WasmValType>> = { int: 'f64', float: 'f64', bool: 'i32' };
const WIDE: Readonly<Record<PyScalar, WasmValType>> = { int: 'i64', float: 'f64', bool: 'i32' };

function results(t: PyReturn, map: Readonly<Record<PyScalar, WasmValType>>): WasmValType[] {
  return t === 'None' ? [] : [map[t]];
}

function tsType(t: PyReturn, intType: 'number' | 'bigint'): string {
  switch (t) {
    case 'int':
      return intType;
    case 'float':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'None':
      return 'void';
  }
}

/** `fib(n: number): number` — the signature as it appears after `export declare function`. */
export function tsSignature(fn: Pick<ExportSpec, 'name' | 'params' | 'returns'>, intType: 'number' | 'bigint'): string {
  const params = fn.params.map((p) => `${p.name}: ${tsType(p.type, intType)}`).join(', ');
  return `${fn.name}(${params}): ${tsType(fn.returns, intType)}`;
}

export function exportSpec(fn: FunctionIR): ExportSpec {
  const params = fn.params.map((p) => ({ name: p.name, type: p.type }));
  const usesInt = fn.returns === 'int' || params.some((p) => p.type === 'int');
  const base = { name: fn.name, params, returns: fn.returns };
  return {
    ...base,
    doc: fn.doc,
    line: fn.line,
    wasm: { name: fn.name, params: params.map((p) => FAST[p.type]), results: results(fn.returns, FAST) },
    wide: usesInt ? { name: fn.name + WIDE_SUFFIX, params: params.map((p) => WIDE[p.type]), results: results(fn.returns, WIDE) } : null,
    ts: { number: tsSignature(base, 'number'), bigint: tsSignature(base, 'bigint') },
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
    exports.push(exportSpec(fn));
  }
  const names = new Set(exports.map((e) => e.name));
  const spec: ModuleSpec = {
    module: analysis.moduleName,
    exports,
    defaultExport: names.has(analysis.moduleName) ? analysis.moduleName : null,
    abiVersion: 1,
    ...(analysis.module?.entry ? { script: SCRIPT_SPEC } : {}),
  };
  return { spec, diagnostics };
}
