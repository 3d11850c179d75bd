/**
 * Exact constant folding: computes an expression over literals exactly as
 * CPython would, or says it cannot. Ints use bigints (so `2 ** 63 - 1` is
 * folded to its value without an intermediate overflow, as CPython's own
 * compiler folds it); floats only the operations where JavaScript and C give
 * the same IEEE-754 result (+ - * /, sqrt, exact conversions). Used for
 * module constants and for literal subexpressions in functions.
 */
import type { LiteralExpr, TExpr, ValueType } from './types.js';

export const I64_MIN = -(2n ** 63n);
export const I64_MAX = 2n ** 63n - 1n;

export type Folded = LiteralExpr | { readonly raises: string; readonly message: string } | null;

/** Intermediate ints may leave 64 bits (CPython's are unbounded); only the final value must fit. */
const int = (value: bigint): Folded => ({ kind: 'literal', type: 'int', value });
/** Bigger intermediate results are not worth computing here: left to the runtime. */
const MAX_BITS = 4096n;
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
  const r = foldExact(e, constants);
  if (r !== null && 'kind' in r && r.type === 'int' && (r.value < I64_MIN || r.value > I64_MAX)) {
    return raise('OverflowError', 'out of the 64-bit range');
  }
  return r;
}

function foldExact(e: TExpr, constants: ReadonlyMap<string, LiteralExpr>): Folded {
  const sub = (x: TExpr): LiteralExpr | null | { raises: string; message: string } => foldExact(x, constants);
  switch (e.kind) {
    case 'literal':
      return e.type === 'str' ? null : e;
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
      if (v.type === 'str') return null;
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
    default:
      return null; // values of other types are not folded
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
        if (a !== 0n && a !== 1n && a !== -1n && b * BigInt((a < 0n ? -a : a).toString(2).length) > MAX_BITS) return null;
        return int(a ** b);
      }
      case 'lshift':
        if (b < 0n) return raise('ValueError', 'negative shift count');
        if (b > MAX_BITS && a !== 0n) return null;
        return int(a << b);
      case 'rshift':
        if (b < 0n) return raise('ValueError', 'negative shift count');
        return int(a >> (b > MAX_BITS ? MAX_BITS : b));
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
