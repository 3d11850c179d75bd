/**
 * Module constants (`N = 10`, `G = 6.674e-11`, `TAU = 2 * math.pi`): typed
 * in source order (a constant may use the ones before it, math and builtins,
 * not functions), then folded to a literal when the value can be computed
 * here *exactly* as CPython computes it: exact int arithmetic with bigints,
 * the IEEE-754 operations JavaScript shares with C (+ - * /, sqrt), exact
 * conversions. Anything else (exp, log, sin, float ** ...) stays an
 * expression and the Rust code computes it with the support library.
 */
import type { SourceRange } from '../diagnostics/diagnostic.js';
import { coerce, I64_MAX, I64_MIN, lowerValue, type Scope, type Signature } from './lower-expr.js';
import type { ModuleSymbols } from './module.js';
import type { Report } from './report.js';
import { annotationType } from './signatures.js';
import type { ConstantIR, LiteralExpr, TExpr, ValueType } from './types.js';

export function analyzeConstants(
  symbols: ModuleSymbols,
  sigs: ReadonlyMap<string, Signature>,
  source: string,
  report: Report,
): { constants: ConstantIR[]; types: Map<string, ValueType | undefined> } {
  const types = new Map<string, ValueType | undefined>();
  const folded = new Map<string, LiteralExpr>();
  const constants: ConstantIR[] = [];
  for (const decl of symbols.constants) {
    const scope: Scope = {
      symbols,
      inConstant: true,
      report,
      local: () => undefined,
      constant(name) {
        const other = symbols.constantsByName.get(name);
        if (!other) return undefined;
        if (other.index >= decl.index) return { later: other.target.range };
        return { type: types.get(name) };
      },
      signature: (name) => sigs.get(name),
    };
    let value = lowerValue(decl.value, scope);
    if (value !== null && decl.annotation !== null) {
      const declared = annotationType(decl.annotation, source, report, false) as ValueType | undefined;
      value = declared ? coerce(value, declared, `constant \`${decl.name}\``, decl.value.range, report) : null;
    }
    types.set(decl.name, value?.type);
    if (value === null) continue;
    const result = fold(value, folded);
    if (result !== null && 'raises' in result) {
      report(
        result.raises === 'OverflowError' ? 'PTL3011' : 'PTL2011',
        decl.value.range,
        result.raises === 'OverflowError'
          ? `the value of \`${decl.name}\` does not fit in 64 bits`
          : `evaluating \`${decl.name}\` raises ${result.raises} (${result.message}), so the module cannot be imported`,
      );
      types.set(decl.name, undefined);
      continue;
    }
    if (result !== null) folded.set(decl.name, result);
    constants.push({
      name: decl.name,
      type: value.type,
      value: result ?? value,
      line: decl.target.range.start.line,
      range: rangeOf(decl.target.range, decl.value.range),
    });
  }
  return { constants, types };
}

function rangeOf(a: SourceRange, b: SourceRange): SourceRange {
  return { start: a.start, end: b.end };
}

// ── exact folding ────────────────────────────────────────────────────────

type Folded = LiteralExpr | { readonly raises: string; readonly message: string } | null;

const int = (value: bigint): Folded =>
  value < I64_MIN || value > I64_MAX ? { raises: 'OverflowError', message: 'out of the 64-bit range' } : { kind: 'literal', type: 'int', value };
const float = (value: number): Folded => ({ kind: 'literal', type: 'float', value });
const bool = (value: boolean): Folded => ({ kind: 'literal', type: 'bool', value });
const raise = (raises: string, message: string): Folded => ({ raises, message });

const MATH_CONST_VALUES: Readonly<Record<string, number>> = {
  pi: Math.PI,
  e: Math.E,
  tau: 2 * Math.PI,
  inf: Infinity,
  nan: NaN,
};

/** Largest magnitude where every int is an exact double. */
const EXACT = 2n ** 53n;

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function floorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** Folds an expression to a literal, a known exception, or null when it cannot be done exactly. */
export function fold(e: TExpr, constants: ReadonlyMap<string, LiteralExpr>): Folded {
  const sub = (x: TExpr): LiteralExpr | null | { raises: string; message: string } => fold(x, constants);
  switch (e.kind) {
    case 'literal':
      return e;
    case 'constant':
      return constants.get(e.name) ?? null;
    case 'mathConst':
      return float(MATH_CONST_VALUES[e.name]!);
    case 'local':
    case 'call':
      return null;
    case 'convert': {
      const v = sub(e.operand);
      if (v === null || !('kind' in v)) return v;
      if (e.type === 'int') return int(v.value ? 1n : 0n);
      return float(v.type === 'int' ? Number(v.value) : v.value ? 1 : 0);
    }
    case 'truth': {
      const v = sub(e.operand);
      if (v === null || !('kind' in v)) return v;
      return bool(v.type === 'int' ? v.value !== 0n : v.type === 'float' ? v.value !== 0 : v.value);
    }
    case 'unary': {
      const v = sub(e.operand);
      if (v === null || !('kind' in v)) return v;
      switch (e.op) {
        case 'not':
          return bool(!v.value);
        case 'pos':
          return v;
        case 'neg':
          return v.type === 'int' ? int(-v.value) : v.type === 'float' ? float(-v.value) : null;
        case 'invert':
          return v.type === 'int' ? int(-v.value - 1n) : null;
      }
      return null;
    }
    case 'binary': {
      const l = sub(e.left);
      if (l === null || !('kind' in l)) return l;
      const r = sub(e.right);
      if (r === null || !('kind' in r)) return r;
      return foldBinary(e.op, l, r, e.type);
    }
    case 'boolop': {
      for (let i = 0; i < e.values.length; i++) {
        const v = sub(e.values[i]!);
        if (v === null || !('kind' in v)) return v;
        const truthy = v.type === 'int' ? v.value !== 0n : v.type === 'float' ? v.value !== 0 : v.value;
        if (i === e.values.length - 1 || (e.op === 'and' ? !truthy : truthy)) return v;
      }
      return null;
    }
    case 'ifexp': {
      const t = sub(e.test);
      if (t === null || !('kind' in t)) return t;
      return sub(t.value ? e.body : e.orelse);
    }
    case 'compare':
      return null;
    case 'builtin':
      return foldBuiltin(e.name, e.args.map(sub));
  }
}

function foldBinary(op: string, l: LiteralExpr, r: LiteralExpr, type: ValueType): Folded {
  if (l.type === 'int' && r.type === 'int') {
    const a = l.value;
    const b = r.value;
    switch (op) {
      case 'add':
        return int(a + b);
      case 'sub':
        return int(a - b);
      case 'mul':
        return int(a * b);
      case 'floordiv':
        return b === 0n ? raise('ZeroDivisionError', 'integer division or modulo by zero') : int(floorDiv(a, b));
      case 'mod':
        return b === 0n ? raise('ZeroDivisionError', 'integer modulo by zero') : int(floorMod(a, b));
      case 'truediv': {
        if (b === 0n) return raise('ZeroDivisionError', 'division by zero');
        const abs = (x: bigint): bigint => (x < 0n ? -x : x);
        // One IEEE division of two exact doubles is correctly rounded, as CPython's int/int is.
        return abs(a) <= EXACT && abs(b) <= EXACT ? float(Number(a) / Number(b)) : null;
      }
      case 'pow': {
        if (type === 'float') return null; // negative exponent: float pow, left to the runtime
        if (b > 64n && a !== 0n && a !== 1n && a !== -1n) return raise('OverflowError', 'out of the 64-bit range');
        return int(a ** b);
      }
      case 'lshift':
        if (b < 0n) return raise('ValueError', 'negative shift count');
        if (b > 64n && a !== 0n) return raise('OverflowError', 'out of the 64-bit range');
        return int(a << b);
      case 'rshift':
        if (b < 0n) return raise('ValueError', 'negative shift count');
        return int(a >> (b > 64n ? 64n : b));
      case 'bitand':
        return int(a & b);
      case 'bitor':
        return int(a | b);
      case 'bitxor':
        return int(a ^ b);
    }
    return null;
  }
  if (l.type === 'float' && r.type === 'float') {
    const a = l.value;
    const b = r.value;
    switch (op) {
      case 'add':
        return float(a + b);
      case 'sub':
        return float(a - b);
      case 'mul':
        return float(a * b);
      case 'truediv':
        return b === 0 ? raise('ZeroDivisionError', 'float division by zero') : float(a / b);
      default:
        return null; // floor division, modulo and pow have CPython-specific corner cases
    }
  }
  if (l.type === 'bool' && r.type === 'bool') {
    switch (op) {
      case 'bitand':
        return bool(l.value && r.value);
      case 'bitor':
        return bool(l.value || r.value);
      case 'bitxor':
        return bool(l.value !== r.value);
    }
  }
  return null;
}

function foldBuiltin(name: string, args: (LiteralExpr | null | { raises: string; message: string })[]): Folded {
  for (const a of args) if (a === null || !('kind' in a)) return a;
  const lits = args as LiteralExpr[];
  const x = lits[0]!;
  switch (name) {
    case 'abs_int':
      return x.type === 'int' ? int(x.value < 0n ? -x.value : x.value) : null;
    case 'abs_float':
      return x.type === 'float' ? float(Math.abs(x.value)) : null;
    case 'min_int':
    case 'max_int':
    case 'min_float':
    case 'max_float':
    case 'min_bool':
    case 'max_bool': {
      // CPython keeps the first of equal values and replaces only on a strict comparison.
      const isMax = name.startsWith('max');
      let best = x;
      for (const item of lits.slice(1)) {
        const better = isMax ? (item.value as number) > (best.value as number) : (item.value as number) < (best.value as number);
        if (better) best = item;
      }
      return best;
    }
    case 'float_to_int':
    case 'math_floor':
    case 'math_ceil':
    case 'math_trunc': {
      if (x.type !== 'float') return null;
      if (Number.isNaN(x.value)) return raise('ValueError', 'cannot convert float NaN to integer');
      if (!Number.isFinite(x.value)) return raise('OverflowError', 'cannot convert float infinity to integer');
      const f = name === 'math_floor' ? Math.floor : name === 'math_ceil' ? Math.ceil : Math.trunc;
      return int(BigInt(f(x.value)));
    }
    case 'math_sqrt':
      // IEEE-754 square root is correctly rounded in both JavaScript and C.
      if (x.type !== 'float') return null;
      return x.value < 0 ? raise('ValueError', 'math domain error') : float(Math.sqrt(x.value));
    case 'math_fabs':
      return x.type === 'float' ? float(Math.abs(x.value)) : null;
    default:
      return null;
  }
}
