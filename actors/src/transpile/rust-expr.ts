/**
 * Typed IR expressions → Rust expressions. Every operation that can raise in
 * Python is a `portalis_rt` call followed by `?`; float `+ - *`, comparisons,
 * bit operations and conversions that cannot fail are plain Rust operators.
 * Operands are evaluated left to right exactly once, as in Python (chained
 * comparisons and `and`/`or` values use short block expressions with
 * temporaries). Parentheses are added only where Rust's precedence needs them.
 */
import { printCallValue, printLambda } from './rust-closures.js';
import type { BinaryOp, BuiltinName, CompareMode, CompareOp, TExpr, ValueType, VoidCallExpr } from '../analysis/types.js';
import { compareOp } from './ops.js';
import { isCopy, rustType } from './rust-types.js';
import {
  printComprehension,
  printDictDisplay,
  printDisplay,
  printFString,
  printIndex,
  printMethod,
  printOp,
  printSlice,
  rustStrLiteral,
  type ValueContext,
} from './rust-values.js';

/** A printed runtime call: fallible ones end in `?`. */
function valueCall(code: string): RustExpr {
  return code.endsWith('?') && !code.startsWith('{') ? { code, prec: P.ATOM, result: code.slice(0, -1) } : { code, prec: P.ATOM };
}

export interface RustExpr {
  readonly code: string;
  readonly prec: number;
  /** An `as` cast: needs parentheses as an operand (`(n as f64) < x`). */
  readonly cast?: boolean;
  /** For `f(x)?`: the call without `?`, so `return` can pass the `PyResult` on. */
  readonly result?: string;
}

/** Rust precedence levels, loosest to tightest. */
export const P = { IF: 1, OR: 2, AND: 3, CMP: 4, BITOR: 5, BITXOR: 6, BITAND: 7, SHIFT: 8, ADD: 9, MUL: 10, CAST: 11, UNARY: 12, ATOM: 100 } as const;

export interface ExprNames {
  local(name: string): string;
  constant(name: string): { readonly ident: string; readonly computed: boolean };
  func(name: string): string;
  /** A fresh temporary name (unique in the function). */
  fresh(base: string): string;
}

export const RUST_TYPE: Readonly<Record<string, string>> = new Proxy({} as Record<string, string>, { get: (_, t: string) => rustType(t) });

const atom = (code: string): RustExpr => ({ code, prec: P.ATOM });
const fallible = (call: string): RustExpr => ({ code: `${call}?`, prec: P.ATOM, result: call });

export function paren(e: RustExpr, min: number): string {
  return e.prec >= min && !e.cast ? e.code : `(${e.code})`;
}

/** A float as a Rust literal that parses to the same double (shortest round-trip digits). */
export function floatLiteral(v: number): RustExpr {
  if (Number.isNaN(v)) return atom('f64::NAN');
  if (v === Infinity) return atom('f64::INFINITY');
  if (v === -Infinity) return atom('f64::NEG_INFINITY');
  if (Object.is(v, -0)) return { code: '-0.0', prec: P.UNARY };
  let s = String(Math.abs(v));
  if (s.includes('e')) {
    const [mantissa, exponent] = s.split('e') as [string, string];
    s = `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}e${exponent.replace('+', '')}`;
  } else if (!s.includes('.')) {
    s += '.0';
  }
  return v < 0 ? { code: `-${s}`, prec: P.UNARY } : atom(s);
}

export function intLiteral(v: bigint): RustExpr {
  if (v === -(2n ** 63n)) return atom('i64::MIN');
  // A suffix only where i32 (Rust's default for an unconstrained literal) could not hold it.
  const suffix = v > 2147483647n || v < -2147483648n ? '_i64' : '';
  return v < 0n ? { code: `-${-v}${suffix}`, prec: P.UNARY } : atom(`${v}${suffix}`);
}

/** Whether evaluating the expression can neither raise nor have effects, so it may be repeated or reordered. */
export function isSimple(e: TExpr): boolean {
  switch (e.kind) {
    case 'literal':
    case 'local':
    case 'mathConst':
      return true;
    case 'convert':
    case 'truth':
      return isSimple(e.operand);
    default:
      return false;
  }
}

const INT_OPS: Partial<Record<BinaryOp, string>> = {
  add: 'int_add',
  sub: 'int_sub',
  mul: 'int_mul',
  floordiv: 'int_floordiv',
  mod: 'int_mod',
  pow: 'int_pow',
  lshift: 'int_lshift',
  rshift: 'int_rshift',
  truediv: 'int_truediv',
};
const FLOAT_OPS: Partial<Record<BinaryOp, string>> = {
  truediv: 'float_div',
  floordiv: 'float_floordiv',
  mod: 'float_mod',
  pow: 'float_pow',
};
const NATIVE_OPS: Partial<Record<BinaryOp, [string, number]>> = {
  add: ['+', P.ADD],
  sub: ['-', P.ADD],
  mul: ['*', P.MUL],
  bitand: ['&', P.BITAND],
  bitor: ['|', P.BITOR],
  bitxor: ['^', P.BITXOR],
};
const CMP_SYMBOL: Readonly<Record<CompareOp, string>> = { eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };

/** The math functions that cannot fail (no `?`). */
const INFALLIBLE_BUILTINS = new Set(['math_isnan', 'math_isinf', 'math_isfinite', 'sys_argc']);

export class ExprPrinter implements ValueContext {
  constructor(private readonly names: ExprNames) {}

  /** Comprehension variables in scope, innermost last. */
  private readonly compNames: Map<string, string>[] = [];

  private localIdent(name: string): string {
    for (let i = this.compNames.length - 1; i >= 0; i--) {
      const id = this.compNames[i]!.get(name);
      if (id !== undefined) return id;
    }
    return this.names.local(name);
  }

  withComprehensionNames<T>(names: Map<string, string>, body: () => T): T {
    this.compNames.push(names);
    try {
      return body();
    } finally {
      this.compNames.pop();
    }
  }

  fresh(base: string): string {
    return this.names.fresh(base);
  }

  /** A reference to a value: `&x` for a local (no clone), `&(expr)` otherwise. */
  ref(e: TExpr): string {
    if (e.kind === 'local') return `&${this.localIdent(e.name)}`;
    return `&${paren(this.print(e), P.UNARY)}`;
  }

  print(e: TExpr | VoidCallExpr): RustExpr {
    switch (e.kind) {
      case 'literal':
        if (e.type === 'str') return atom(`Str::new(${rustStrLiteral(e.value)})`);
        return e.type === 'int' ? intLiteral(e.value) : e.type === 'float' ? floatLiteral(e.value) : atom(String(e.value));
      case 'local': {
        const id = this.localIdent(e.name);
        return atom(isCopy(e.type) ? id : `${id}.clone()`);
      }
      case 'none':
        // A bare None (type `None`, Rust `()`), or the empty Optional.
        return atom(e.type === 'None' ? '()' : 'None');
      case 'some':
        return atom(`Some(${this.print(e.operand).code})`);
      case 'display':
        return atom(printDisplay(this, e));
      case 'dictDisplay':
        return atom(printDictDisplay(this, e));
      case 'index':
        return atom(printIndex(this, e));
      case 'slice':
        return atom(printSlice(this, e));
      case 'method':
        return valueCall(printMethod(this, e.name, e.recv, e.args, e.type));
      case 'op':
        return valueCall(printOp(this, e.op, e.args, e.type));
      case 'comp':
        return atom(printComprehension(this, e));
      case 'fstring':
        return atom(printFString(this, e));
      case 'constant': {
        const c = this.names.constant(e.name);
        return c.computed ? fallible(`${c.ident}()`) : atom(c.ident);
      }
      case 'mathConst':
        return atom(
          { pi: 'std::f64::consts::PI', e: 'std::f64::consts::E', tau: 'std::f64::consts::TAU', inf: 'f64::INFINITY', nan: 'f64::NAN' }[e.name],
        );
      case 'convert':
        return this.convert(e.operand, e.type);
      case 'truth':
        return this.truth(e.operand, false);
      case 'unary':
        return this.unary(e);
      case 'binary':
        return this.binary(e.op, e.operandType, e.type, e.left, e.right);
      case 'compare':
        return this.compare(e.operands, e.ops, e.modes, e.valueOps);
      case 'boolop':
        return this.boolop(e.op, e.values, e.type);
      case 'ifexp': {
        // `a if c else b if d else e` reads as an else-if chain.
        const orelse = e.orelse.kind === 'ifexp' ? this.print(e.orelse).code : `{ ${this.print(e.orelse).code} }`;
        const test = e.type === 'float' && isFloatComparison(e.test) ? this.opaqueCompare(e.test) : this.print(e.test);
        return { code: `if ${test.code} { ${this.print(e.body).code} } else ${orelse}`, prec: P.IF };
      }
      case 'call':
        return this.call(this.names.func(e.func), e.args, e.evalOrder);
      case 'builtin':
        return this.builtin(e.name, e.args);
      case 'lambda':
        return atom(printLambda(this, e));
      case 'callValue':
        return valueCall(printCallValue(this, e));
    }
  }

  private convert(operand: TExpr, to: 'int' | 'float'): RustExpr {
    const v = this.print(operand);
    if (operand.type === 'bool') {
      const asInt = atom(`i64::from(${v.code})`);
      return to === 'int' ? asInt : { code: `${asInt.code} as f64`, prec: P.CAST, cast: true };
    }
    return { code: `${paren(v, P.CAST)} as f64`, prec: P.CAST, cast: true };
  }

  /** `bool(x)`; `negate` gives `not x` directly (`n == 0` rather than `!(n != 0)`). */
  private truth(operand: TExpr, negate: boolean): RustExpr {
    const v = this.print(operand);
    if (operand.type === 'bool') return negate ? { code: `!${paren(v, P.UNARY)}`, prec: P.UNARY } : v;
    if (!isCopy(operand.type)) {
      const t = `(${this.ref(operand)}).py_bool()`;
      return negate ? { code: `!${t}`, prec: P.UNARY } : atom(t);
    }
    const zero = operand.type === 'int' ? '0' : '0.0';
    return { code: `${paren(v, P.CMP + 1)} ${negate ? '==' : '!='} ${zero}`, prec: P.CMP };
  }

  private unary(e: Extract<TExpr, { kind: 'unary' }>): RustExpr {
    switch (e.op) {
      case 'not':
        if (e.operand.kind === 'truth') return this.truth(e.operand.operand, true);
        return { code: `!${paren(this.print(e.operand), P.UNARY)}`, prec: P.UNARY };
      case 'pos':
        return this.print(e.operand);
      case 'neg':
        if (e.type === 'int') return fallible(`int_neg(${this.print(e.operand).code})`);
        return { code: `-${paren(this.print(e.operand), P.UNARY)}`, prec: P.UNARY };
      case 'invert':
        return { code: `!${paren(this.print(e.operand), P.UNARY)}`, prec: P.UNARY };
    }
  }

  binary(op: BinaryOp, operandType: ValueType, type: ValueType, left: TExpr, right: TExpr): RustExpr {
    const l = this.print(left);
    const r = this.print(right);
    if (operandType === 'int') {
      if (op === 'pow' && type === 'float') return fallible(`int_pow_float(${l.code}, ${r.code})`);
      const fn = INT_OPS[op];
      if (fn) return fallible(`${fn}(${l.code}, ${r.code})`);
    } else if (operandType === 'float') {
      // Dividing by a non-zero constant cannot raise: plain IEEE division, as CPython computes it.
      const nonZero = (right.kind === 'literal' && right.value !== 0) || (right.kind === 'mathConst' && right.name !== 'nan');
      if (op === 'truediv' && nonZero) return { code: `${paren(l, P.MUL)} / ${paren(r, P.MUL + 1)}`, prec: P.MUL };
      const fn = FLOAT_OPS[op];
      if (fn) return fallible(`${fn}(${l.code}, ${r.code})`);
    }
    const native = NATIVE_OPS[op];
    if (!native) throw new Error(`no Rust form for ${operandType} ${op}`);
    const [symbol, prec] = native;
    // Mixed bit operations get parentheses (`(a & b) | c`), as Python code usually has them.
    const min = prec <= P.BITAND ? P.SHIFT : prec;
    const lhs = l.prec === prec && !l.cast ? l.code : paren(l, min);
    return { code: `${lhs} ${symbol} ${paren(r, min === prec ? prec + 1 : min)}`, prec };
  }

  private compareLink(a: RustExpr, aType: ValueType, op: CompareOp, b: RustExpr, bType: ValueType, mode: CompareMode): RustExpr {
    if (mode === 'int_float') return atom(`int_float_${op}(${this.asInt(a, aType)}, ${b.code})`);
    if (mode === 'float_int') return atom(`float_int_${op}(${a.code}, ${this.asInt(b, bType)})`);
    const conv = (x: RustExpr, t: ValueType): RustExpr => {
      if (mode === 'int' && t === 'bool') return atom(`i64::from(${x.code})`);
      if (mode === 'float' && t === 'bool') return { code: `i64::from(${x.code}) as f64`, prec: P.CAST, cast: true };
      return x;
    };
    return { code: `${paren(conv(a, aType), P.CMP + 1)} ${CMP_SYMBOL[op]} ${paren(conv(b, bType), P.CMP + 1)}`, prec: P.CMP };
  }

  /**
   * A float comparison whose operands are hidden from LLVM (`opaque_f64`), for
   * choices between floats such as `x if x > 0.0 else 0.0`: LLVM turns a
   * select between the compared values into f64.max/f64.min even when one is
   * a constant zero, which gets the sign of a zero result wrong (LLVM issue
   * #93414; rustc 1.63 has it). Selecting between other values is safe.
   */
  opaqueCompare(test: TExpr): RustExpr {
    if (test.kind !== 'compare' || test.ops.length !== 1) return this.print(test);
    const hide = (e: TExpr): RustExpr => {
      const v = this.print(e);
      return atom(`opaque_f64(${e.type === 'bool' ? `i64::from(${v.code}) as f64` : v.code})`);
    };
    this.usedOpaque = true;
    return this.compareLink(hide(test.operands[0]!), 'float', test.ops[0]!, hide(test.operands[1]!), 'float', 'float');
  }

  /** Whether `opaque_f64` was used (the module then defines it). */
  usedOpaque = false;

  private asInt(x: RustExpr, t: ValueType): string {
    return t === 'bool' ? `i64::from(${x.code})` : x.code;
  }

  /**
   * `a < b < c`: `a < b && b < c` with `b` evaluated once and `c` only when
   * `a < b` holds. Operands that are not simple get a temporary, and when the
   * first one needs one, the one before it does too, to keep the order.
   */
  private compare(operands: TExpr[], ops: CompareOp[], modes: CompareMode[], valueOps?: (string | null)[]): RustExpr {
    if (valueOps && valueOps.some((v) => v !== null)) return this.valueCompare(operands, ops, modes, valueOps);
    if (ops.length === 1) {
      return this.compareLink(this.print(operands[0]!), operands[0]!.type, ops[0]!, this.print(operands[1]!), operands[1]!.type, modes[0]!);
    }
    const lets: string[] = [];
    let prev = this.print(operands[0]!);
    if (!isSimple(operands[0]!) && !isSimple(operands[1]!)) {
      const t = this.names.fresh('lhs');
      lets.push(`let ${t} = ${prev.code};`);
      prev = atom(t);
    }
    const chain = (i: number, left: RustExpr): RustExpr => {
      const rightNode = operands[i + 1]!;
      const right = this.print(rightNode);
      const link = (b: RustExpr): RustExpr => this.compareLink(left, operands[i]!.type, ops[i]!, b, rightNode.type, modes[i]!);
      if (i + 1 === operands.length - 1) return link(right);
      if (isSimple(rightNode)) return { code: `${paren(link(right), P.AND + 1)} && ${paren(chain(i + 1, right), P.AND)}`, prec: P.AND };
      const t = this.names.fresh('mid');
      const rest = `${paren(link(atom(t)), P.AND + 1)} && ${paren(chain(i + 1, atom(t)), P.AND)}`;
      // The first middle operand is evaluated before any comparison anyway; later ones only if the chain goes on.
      if (i === 0) {
        lets.push(`let ${t} = ${right.code};`);
        return { code: rest, prec: P.AND };
      }
      return atom(`{ let ${t} = ${right.code}; ${rest} }`);
    };
    const body = chain(0, prev);
    return lets.length === 0 ? body : atom(`{ ${lets.join(' ')} ${body.code} }`);
  }

  /**
   * A comparison chain with non-scalar links: every operand is bound to a
   * temporary in order (evaluated once), each link short-circuits the rest.
   */
  private valueCompare(operands: TExpr[], ops: CompareOp[], modes: CompareMode[], valueOps: (string | null)[]): RustExpr {
    const link = (i: number, a: string, b: string): string => {
      const op = valueOps[i];
      if (op === null || op === undefined) {
        return this.compareLink(atom(a), operands[i]!.type, ops[i]!, atom(b), operands[i + 1]!.type, modes[i]!).code;
      }
      return compareOp(op, { v: `${a}.clone()`, r: `&${a}` }, { v: `${b}.clone()`, r: `&${b}` }, operands[i]!.type, operands[i + 1]!.type);
    };
    if (ops.length === 1) {
      const op = valueOps[0]!;
      const l = operands[0]!;
      const r = operands[1]!;
      const side = (x: TExpr): { v: string; r: string } => ({ v: this.print(x).code, r: this.ref(x) });
      if (op.startsWith('is_') || op.startsWith('const_')) return atom(compareOp(op, side(l), side(l), l.type, r.type));
      // Both operands are evaluated left to right before comparing (a temporary keeps the order when the right one has effects).
      if (isSimple(l) || isSimple(r) || l.kind === 'local') return atom(compareOp(op, side(l), side(r), l.type, r.type));
      const t = this.names.fresh('lhs');
      return atom(`{ let ${t} = ${this.print(l).code}; ${compareOp(op, { v: `${t}.clone()`, r: `&${t}` }, side(r), l.type, r.type)} }`);
    }
    const temps = operands.map(() => this.names.fresh('cmp'));
    let code = link(ops.length - 1, temps[ops.length - 1]!, temps[ops.length]!);
    code = `{ let ${temps[ops.length]} = ${this.print(operands[ops.length]!).code}; ${code} }`;
    for (let i = ops.length - 2; i >= 0; i--) {
      code = `(${link(i, temps[i]!, temps[i + 1]!)}) && { let ${temps[i + 1]} = ${temps[i + 1]}; ${code} }`;
      code = `{ let ${temps[i + 1]} = ${this.print(operands[i + 1]!).code}; ${code} }`;
    }
    return atom(`{ let ${temps[0]} = ${this.print(operands[0]!).code}; ${code} }`);
  }

  private boolop(op: 'and' | 'or', values: TExpr[], type: ValueType): RustExpr {
    if (type === 'bool') {
      const prec = op === 'and' ? P.AND : P.OR;
      const symbol = op === 'and' ? '&&' : '||';
      // `(a && b) || c`: parenthesised for the reader, as in the Python source.
      return { code: values.map((v) => paren(this.print(v), P.AND + 1)).join(` ${symbol} `), prec };
    }
    // Python returns the deciding operand itself: `a and b` is `b if a else a`.
    const build = (i: number): string => {
      const v = this.print(values[i]!);
      const t = this.names.fresh('v');
      const test = type === 'int' ? `${t} != 0` : type === 'float' ? `${t} != 0.0` : `${t}.py_bool()`;
      const rest = i + 1 === values.length - 1 ? this.print(values[i + 1]!).code : build(i + 1);
      const [then, otherwise] = op === 'and' ? [rest, t] : [t, rest];
      return `let ${t} = ${v.code}; if ${test} { ${then} } else { ${otherwise} }`;
    };
    return atom(`{ ${build(0)} }`);
  }

  private call(fn: string, args: TExpr[], evalOrder: number[] | null): RustExpr {
    const printed = args.map((a) => this.print(a));
    if (evalOrder === null || evalOrder.every((i) => isSimple(args[i]!))) {
      return fallible(`${fn}(${printed.map((p) => p.code).join(', ')})`);
    }
    // Keyword arguments out of parameter order: evaluate in source order first.
    const temps = args.map(() => '');
    const lets = evalOrder.map((i) => {
      temps[i] = this.names.fresh('arg');
      return `let ${temps[i]} = ${printed[i]!.code};`;
    });
    return atom(`{ ${lets.join(' ')} ${fn}(${temps.join(', ')})? }`);
  }

  private builtin(name: BuiltinName, args: TExpr[]): RustExpr {
    const printed = args.map((a) => this.print(a));
    const list = printed.map((p) => p.code).join(', ');
    switch (name) {
      case 'abs_int':
        return fallible(`int_abs(${list})`);
      case 'abs_float':
        return atom(`f64::abs(${list})`);
      case 'min_int':
      case 'max_int':
      case 'min_bool':
      case 'max_bool': {
        const fn = name.startsWith('min') ? 'min' : 'max';
        const path = name.endsWith('int') ? `i64::${fn}` : `std::cmp::${fn}`;
        return printed.slice(1).reduce((acc, p) => atom(`${path}(${acc.code}, ${p.code})`), printed[0]!);
      }
      case 'min_float':
      case 'max_float': {
        // CPython keeps the running result unless an argument compares strictly
        // better, so NaN and -0.0/0.0 come out as in Python (unlike f64::max);
        // the compared values are hidden from LLVM, which would make f64.max of it.
        const symbol = name === 'max_float' ? '>' : '<';
        return printed.slice(1).reduce((acc, p) => {
          const best = this.names.fresh('best');
          const next = this.names.fresh('x');
          this.usedOpaque = true; // see opaqueCompare
          return atom(`{ let (${best}, ${next}) = (${acc.code}, ${p.code}); if opaque_f64(${next}) ${symbol} opaque_f64(${best}) { ${next} } else { ${best} } }`);
        }, printed[0]!);
      }
      default: {
        // min(a, b, ...)/max(a, b, ...) of strings, lists, tuples: CPython's order (the first best wins).
        const minMax = /^(min|max)_/.exec(name);
        if (minMax) return fallible(`py_${minMax[1]}(vec![${list}], None, "${minMax[1]}")`);
        return INFALLIBLE_BUILTINS.has(name) ? atom(`${name}(${list})`) : fallible(`${name}(${list})`);
      }
    }
  }
}

/**
 * `test` is one comparison of two floats: if it chooses between float values
 * (a conditional expression, or an `if` assigning floats), LLVM may turn the
 * choice into a min/max instruction once the values are known, even after
 * inlining, so the printer hides the compared values (see ExprPrinter.opaqueCompare).
 */
export function isFloatComparison(test: TExpr): boolean {
  return test.kind === 'compare' && test.ops.length === 1 && test.modes[0] === 'float' && test.ops[0] !== 'eq' && test.ops[0] !== 'ne';
}

/** The helper `opaqueCompare` relies on: a value LLVM cannot see through. */
export const OPAQUE_F64 = [
  '    /// `x`, as a value LLVM cannot see through: keeps min/max idioms from being',
  '    /// compiled to f64.min/f64.max, which order -0.0 below 0.0 (LLVM issue #93414).',
  '    #[inline(always)]',
  '    fn opaque_f64(x: f64) -> f64 {',
  '        unsafe { std::ptr::read_volatile(&x) }',
  '    }',
];
