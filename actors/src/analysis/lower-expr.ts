/**
 * Expressions: resolves names, types every expression with CPython's rules
 * and lowers it to the typed IR (types.ts), reporting what the subset does not
 * support. Returns null for an expression that could not be typed (already
 * reported, or, during inference, not known yet); callers then stay quiet so
 * one mistake gives one diagnostic.
 *
 * Used for function bodies (functions.ts) and module constants (constants.ts);
 * the `Scope` says which names are visible and how.
 */
import type * as ast from '../ingest/ast.js';
import type { SourceRange } from '../diagnostics/diagnostic.js';
import { fold, I64_MAX, I64_MIN } from './fold.js';
import type { ModuleSymbols } from './module.js';
import { lowerCall } from './lower-call.js';
import { MATH_CONSTANTS, MATH_FUNCTIONS, OTHER_BUILTINS, SUPPORTED_BUILTINS } from './names.js';
import { refuseConstant, refuseExpression } from './refusals.js';
import type { Report } from './report.js';
import { lowerComprehension, lowerDict, lowerDisplay, lowerFString, lowerSubscript, retype, strLiteral } from './lower-values.js';
import { functionValue, lowerLambda } from './lower-lambda.js';
import { cellRead } from './cells.js';
import { binaryValues, compareValues } from './lower-ops.js';
import { hasUnknown, headOf, isScalar, unify } from './ty.js';
import { narrowedRead, narrowedScope, narrowingOf } from './narrowing.js';
import type {
  BinaryOp,
  CompareMode,
  CompareOp,
  ReturnType,
  TExpr,
  ValueType,
  VoidCallExpr,
} from './types.js';

export { I64_MAX, I64_MIN };

export interface Signature {
  readonly name: string;
  readonly params: readonly {
    readonly name: string;
    readonly type: ValueType | undefined;
    readonly positionalOnly: boolean;
    /** Absent means `positional` (signatures.ts ParamSig). */
    readonly kind?: 'positional' | 'varargs' | 'keywordOnly';
    readonly default?: ast.Expr_ | null;
  }[];
  /** undefined while a private function's return type is still being inferred. */
  readonly returns: ReturnType | undefined;
}

export interface Scope {
  readonly symbols: ModuleSymbols;
  /** A local variable or parameter: its type (undefined while unknown); undefined when `name` is not local. */
  /** `narrowed`: the declared type of a narrowed read; `members`: a union's members still possible (narrowing.ts). */
  local(name: string): { readonly type: ValueType | undefined; readonly narrowed?: ValueType; readonly members?: readonly ValueType[]; readonly cell?: boolean } | undefined;
  /**
   * A module constant visible here: its type (undefined when it failed), or
   * `later` when it is defined after the constant being analysed.
   */
  constant(name: string): { readonly type: ValueType | undefined } | { readonly later: SourceRange } | undefined;
  signature(name: string): Signature | undefined;
  /** Analysing a module constant: calls of module functions are refused. */
  readonly inConstant: boolean;
  readonly report: Report;
}

const OP_SYMBOL: Readonly<Record<ast.Operator, string>> = {
  Add: '+',
  Sub: '-',
  Mult: '*',
  MatMult: '@',
  Div: '/',
  Mod: '%',
  Pow: '**',
  LShift: '<<',
  RShift: '>>',
  BitOr: '|',
  BitXor: '^',
  BitAnd: '&',
  FloorDiv: '//',
};

const BINARY_OP: Readonly<Record<Exclude<ast.Operator, 'MatMult'>, BinaryOp>> = {
  Add: 'add',
  Sub: 'sub',
  Mult: 'mul',
  Div: 'truediv',
  Mod: 'mod',
  Pow: 'pow',
  LShift: 'lshift',
  RShift: 'rshift',
  BitOr: 'bitor',
  BitXor: 'bitxor',
  BitAnd: 'bitand',
  FloorDiv: 'floordiv',
};

const COMPARE_OP: Partial<Readonly<Record<ast.CmpOperator, CompareOp>>> = {
  Eq: 'eq',
  NotEq: 'ne',
  Lt: 'lt',
  LtE: 'le',
  Gt: 'gt',
  GtE: 'ge',
};

// ── conversions ──────────────────────────────────────────────────────────

export function intLiteral(value: bigint): TExpr {
  return { kind: 'literal', type: 'int', value };
}
export function floatLiteral(value: number): TExpr {
  return { kind: 'literal', type: 'float', value };
}
export function boolLiteral(value: boolean): TExpr {
  return { kind: 'literal', type: 'bool', value };
}

/** bool → int as Python does in arithmetic (`True + 1 == 2`). */
export function toInt(e: TExpr): TExpr {
  if (e.type !== 'bool') return e;
  if (e.kind === 'literal') return intLiteral(e.value ? 1n : 0n);
  return { kind: 'convert', type: 'int', operand: e };
}

/** int or bool → float as CPython does (`int.__float__`, round-half-even). */
export function toFloat(e: TExpr): TExpr {
  if (e.type === 'float') return e;
  if (e.kind === 'literal') return floatLiteral(e.type === 'int' ? Number(e.value) : e.value ? 1 : 0);
  return { kind: 'convert', type: 'float', operand: e };
}

/** Python truthiness. */
export function truth(e: TExpr): TExpr {
  if (e.type === 'bool') return e;
  return { kind: 'truth', type: 'bool', operand: e };
}

/**
 * Converts a value to a declared type (parameter, return, annotated
 * variable). Allowed where Python's value is the same: bool to int or float
 * (`True == 1`), and int *literals* to float. A computed int is refused for a
 * float: Python would keep it an int, which behaves differently for large
 * values, so the user converts explicitly.
 */
export function coerce(e: TExpr, to: ValueType, what: string, range: SourceRange, report: Report): TExpr | null {
  if (e.type === to) return e;
  if (to === 'int' && e.type === 'bool') return toInt(e);
  if (to === 'float' && (e.type === 'bool' || (e.kind === 'literal' && e.type === 'int' && isExactFloat(e.value)))) return toFloat(e);
  const hint =
    to === 'float' && e.type === 'int'
      ? 'Write float(...) to convert explicitly: Python would keep an int here, and ints and floats differ for large values.'
      : to === 'int' && e.type === 'float'
        ? 'Convert explicitly with int(...), round(...) or math.floor(...).'
        : to === 'bool'
          ? 'Write bool(...) or a comparison to get a bool.'
          : undefined;
  report('PTL3003', range, `${what} is declared ${to} but gets ${article(e.type)} ${e.type}`, hint);
  return null;
}

function isExactFloat(v: bigint): boolean {
  return BigInt(Number(v)) === v;
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? 'an' : 'a';
}

// ── the lowering ─────────────────────────────────────────────────────────

/** Lowers an expression whose value is used. */
export function lowerValue(e: ast.Expr_, scope: Scope): TExpr | null {
  const r = lowerExpr(e, scope);
  if (r === null) return null;
  // A call of a `-> None` function is a value too (CPython's None), e.g. `print(f())`.
  if (r.type === 'None' && r.kind === 'method') {
    scope.report('PTL3003', e.range, `\`${r.name}()\` returns None, so its result cannot be used`);
    return null;
  }
  return r;
}

/**
 * Lowers an expression used only for its truth value (`if`, `while`, the
 * test of `x if c else y`, `not`, `bool(...)`): operands of `and`/`or` may
 * then have different types, since only their truthiness matters.
 */
/** The scope operand i of `a and b ...` / `a or b ...` is lowered in: narrowed by what the operands before it proved (narrowing.ts). */
function operandScope(e: ast.BoolOp, i: number, scope: Scope): Scope {
  if (i === 0) return scope;
  const before = narrowingOf({ ...e, values: e.values.slice(0, i) }, scope);
  return narrowedScope(scope, e.op === 'And' ? before.then : before.else);
}

export function lowerTest(e: ast.Expr_, scope: Scope): TExpr | null {
  if (e.type === 'BoolOp') {
    const values = e.values.map((v, i) => lowerTest(v, operandScope(e, i, scope)));
    if (values.some((v) => v === null)) return null;
    return { kind: 'boolop', type: 'bool', op: e.op === 'And' ? 'and' : 'or', values: values as TExpr[] };
  }
  const v = lowerValue(e, scope);
  return v === null ? null : truth(v);
}

/** Lowers an expression statement's value: like lowerValue, but a call of a `-> None` function is allowed. */
export function lowerStatementValue(e: ast.Expr_, scope: Scope): TExpr | VoidCallExpr | null {
  return lowerExpr(e, scope);
}

function lowerExpr(e: ast.Expr_, scope: Scope): TExpr | VoidCallExpr | null {
  const { report } = scope;
  switch (e.type) {
    case 'Constant':
      return lowerConstant(e, scope);
    case 'Name':
      return lowerName(e, scope);
    case 'BinOp': {
      if (e.op === 'MatMult') {
        report('PTL2002', e.range, 'the `@` operator is not supported');
        return null;
      }
      const left = lowerValue(e.left, scope);
      const right = lowerValue(e.right, scope);
      if (left === null || right === null) return null;
      const r = binary(e.op, left, right, e.range, report);
      return r === null ? null : foldLiterals(r);
    }
    case 'UnaryOp':
      return lowerUnary(e, scope);
    case 'BoolOp': {
      const values = e.values.map((v, i) => lowerValue(v, operandScope(e, i, scope)));
      if (values.some((v) => v === null)) return null;
      const typed = values as TExpr[];
      const type = typed[0]!.type;
      const other = typed.find((v) => v.type !== type);
      if (other) {
        const word = e.op === 'And' ? 'and' : 'or';
        report(
          'PTL3003',
          e.range,
          `the operands of \`${word}\` have different types (${type} and ${other.type}); Python returns one of them, so the type would depend on the values`,
          `Convert the operands to one type, or use \`${word}\` only as a condition (in \`if\`, \`while\` or \`not\`).`,
        );
        return null;
      }
      return { kind: 'boolop', type, op: e.op === 'And' ? 'and' : 'or', values: typed };
    }
    case 'IfExp': {
      const test = lowerTest(e.test, scope);
      const narrowing = narrowingOf(e.test, scope);
      const body = lowerValue(e.body, narrowedScope(scope, narrowing.then));
      const orelse = lowerValue(e.orelse, narrowedScope(scope, narrowing.else));
      if (test === null || body === null || orelse === null) return null;
      const unified = unifyBranches(body, orelse);
      if (!unified) {
        report(
          'PTL3003',
          e.range,
          `the branches of this conditional expression have different types (${body.type} and ${orelse.type}); Python returns either, so the type would depend on the values`,
          'Convert one branch, e.g. with float(...), so both have the same type.',
        );
        return null;
      }
      return { kind: 'ifexp', type: unified[0].type, test, body: unified[0], orelse: unified[1] };
    }
    case 'Compare':
      return lowerCompare(e, scope);
    case 'Call':
      return lowerCall(e, scope);
    case 'Attribute':
      return lowerAttribute(e, scope);
    case 'Subscript':
      return lowerSubscript(e, scope);
    case 'Tuple':
    case 'List':
    case 'Set':
      return lowerDisplay(e, scope);
    case 'Dict':
      return lowerDict(e, scope);
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp':
      return lowerComprehension(e, scope);
    case 'JoinedStr':
      return lowerFString(e, scope);
    case 'Lambda':
      return lowerLambda(e, scope);
    case 'Starred':
      report('PTL2002', e.range, 'starred expressions (`*x`) are only supported inside list, tuple and set displays, calls and assignment targets');
      return null;
    case 'NamedExpr':
    case 'Slice':
    case 'FormattedValue': {
      const refusal = refuseExpression(e.type);
      report(refusal.code, e.range, refusal.message, refusal.hint);
      return null;
    }
    case 'UnsupportedExpr': {
      const refusal = refuseExpression(e.node);
      report(refusal.code, e.range, refusal.message, refusal.hint);
      return null;
    }
  }
}

function lowerConstant(e: ast.Constant, scope: Scope): TExpr | null {
  switch (e.kind) {
    case 'int':
      return checkedInt(e.value, e.range, scope.report);
    case 'float':
      return floatLiteral(e.value);
    case 'bool':
      return boolLiteral(e.value);
    case 'str':
      return strLiteral(e.value);
    case 'None':
      return { kind: 'none', type: 'None' };
    default: {
      const refusal = refuseConstant(e.kind);
      scope.report(refusal.code, e.range, refusal.message, refusal.hint);
      return null;
    }
  }
}

function checkedInt(value: bigint, range: SourceRange, report: Report): TExpr | null {
  if (value < I64_MIN || value > I64_MAX) {
    report('PTL3011', range, `the integer ${value} does not fit in 64 bits`, 'Portalis ints are 64-bit (-2**63 to 2**63 - 1) until arbitrary precision lands.');
    return null;
  }
  return intLiteral(value);
}

function lowerName(e: ast.Name, scope: Scope): TExpr | null {
  const { report } = scope;
  const id = e.id;
  const local = scope.local(id);
  if (local?.narrowed && local.type) return narrowedRead(id, local.narrowed, local.type); // narrowing.ts
  if (local?.cell && local.type) return cellRead(id, local.type); // closures.ts: a variable shared with nested functions
  if (local) return local.type ? { kind: 'local', type: local.type, name: id } : null;
  const constant = scope.constant(id);
  if (constant) {
    if ('later' in constant) {
      report('PTL3004', e.range, `\`${id}\` is used before its definition at ${constant.later.start.line}:${constant.later.start.column}`, 'Define module constants before the constants that use them.');
      return null;
    }
    return constant.type ? { kind: 'constant', type: constant.type, name: id } : null;
  }
  const sig = scope.signature(id);
  if (sig) return functionValue(sig, e, scope); // lower-lambda.ts
  const fromMath = scope.symbols.mathImports.get(id);
  if (fromMath !== undefined) {
    const c = MATH_CONSTANTS.get(fromMath);
    if (c) return { kind: 'mathConst', type: 'float', name: c };
    report('PTL2002', e.range, `functions cannot be used as values; call \`${id}(...)\``);
    return null;
  }
  if (scope.symbols.mathModules.has(id)) {
    report('PTL2007', e.range, `the math module can only be used as \`${id}.name\``);
    return null;
  }
  if (SUPPORTED_BUILTINS.has(id)) {
    report('PTL2002', e.range, `functions cannot be used as values; call \`${id}(...)\``);
    return null;
  }
  if (OTHER_BUILTINS.has(id)) {
    report('PTL2007', e.range, `the builtin \`${id}\` is not supported`);
    return null;
  }
  report('PTL3004', e.range, `name \`${id}\` is not defined`);
  return null;
}

function lowerAttribute(e: ast.Attribute, scope: Scope): TExpr | null {
  if (e.value.type === 'Name' && scope.symbols.mathModules.has(e.value.id) && !scope.local(e.value.id)) {
    const c = MATH_CONSTANTS.get(e.attr);
    if (c) return { kind: 'mathConst', type: 'float', name: c };
    if (MATH_FUNCTIONS.has(e.attr)) {
      scope.report('PTL2002', e.range, `functions cannot be used as values; call \`${e.value.id}.${e.attr}(...)\``);
    } else {
      scope.report('PTL2007', e.range, `\`math.${e.attr}\` is not supported`);
    }
    return null;
  }
  if (e.value.type === 'Name' && scope.symbols.sysModules?.has(e.value.id) && !scope.local(e.value.id)) {
    if (e.attr === 'argv') return { kind: 'op', type: 'list[str]', op: 'sys.argv', args: [] };
    // `for line in sys.stdin`: the lines of stdin, each with its '\n' (read when the loop starts).
    if (e.attr === 'stdin' && scope.symbols.script) return { kind: 'op', type: 'list[str]', op: 'io.stdin_lines', args: [] };
    scope.report('PTL2007', e.range, `\`sys.${e.attr}\` is not supported`, 'Script mode supports print(), input(), sys.argv, sys.exit(), sys.stdin and sys.stdout/sys.stderr.write().');
    return null;
  }
  scope.report('PTL2007', e.range, `attribute access (\`.${e.attr}\`) is not supported`);
  return null;
}

function lowerUnary(e: ast.UnaryOp, scope: Scope): TExpr | null {
  const { report } = scope;
  if (e.op === 'Not') {
    const operand = lowerTest(e.operand, scope);
    return operand === null ? null : { kind: 'unary', type: 'bool', op: 'not', operand };
  }
  // `-9223372036854775808` is one literal in effect: fold before the range check.
  if (e.op === 'USub' && e.operand.type === 'Constant' && e.operand.kind === 'int') {
    return checkedInt(-e.operand.value, e.range, report);
  }
  const operand = lowerValue(e.operand, scope);
  if (operand === null) return null;
  switch (e.op) {
    case 'UAdd':
      return toInt(operand);
    case 'USub': {
      const v = toInt(operand);
      if (v.kind === 'literal' && v.type === 'int') return checkedInt(-v.value, e.range, report);
      if (v.kind === 'literal' && v.type === 'float') return floatLiteral(-v.value);
      return foldLiterals({ kind: 'unary', type: v.type, op: 'neg', operand: v });
    }
    case 'Invert': {
      if (operand.type === 'float') {
        report('PTL3003', e.range, "bad operand type for unary ~: 'float'");
        return null;
      }
      return foldLiterals({ kind: 'unary', type: 'int', op: 'invert', operand: toInt(operand) });
    }
  }
}

/**
 * An operation on literals (and math constants) becomes its value when it
 * can be computed exactly as CPython does, as CPython's compiler folds
 * constants too: `2 ** 63 - 1` never overflows an intermediate, `2 * math.pi`
 * costs nothing. Operations that would raise stay, so they raise at run time.
 */
function foldLiterals(e: TExpr): TExpr {
  const constant = (x: TExpr): boolean =>
    x.kind === 'literal' ||
    x.kind === 'mathConst' ||
    ((x.kind === 'convert' || x.kind === 'unary') && constant(x.operand)) ||
    (x.kind === 'binary' && constant(x.left) && constant(x.right));
  if (!constant(e)) return e;
  const r = fold(e, new Map());
  return r !== null && 'kind' in r ? r : e;
}

/**
 * Types `left op right` like CPython's numeric tower: bool < int < float.
 * `int ** int` is an int, except with a negative literal exponent, where
 * Python gives a float (`2 ** -1 == 0.5`) and so does the translation. A
 * computed negative exponent cannot be known statically: the expression
 * stays int and portalis_rt raises ValueError (NEGATIVE_INT_POW) if it is
 * negative at run time, where CPython would return a float.
 */
export function binary(op: Exclude<ast.Operator, 'MatMult'>, left: TExpr, right: TExpr, range: SourceRange, report: Report): TExpr | null {
  if (!isScalar(left.type) || !isScalar(right.type)) return binaryValues(op, left, right, range, report);
  const irOp = BINARY_OP[op];
  const anyFloat = left.type === 'float' || right.type === 'float';
  switch (op) {
    case 'LShift':
    case 'RShift':
    case 'BitAnd':
    case 'BitOr':
    case 'BitXor': {
      if (anyFloat) {
        report('PTL3003', range, `unsupported operand type(s) for ${OP_SYMBOL[op]}: '${left.type}' and '${right.type}'`);
        return null;
      }
      if (left.type === 'bool' && right.type === 'bool' && op !== 'LShift' && op !== 'RShift') {
        return { kind: 'binary', type: 'bool', op: irOp, operandType: 'bool', left, right };
      }
      return { kind: 'binary', type: 'int', op: irOp, operandType: 'int', left: toInt(left), right: toInt(right) };
    }
    default: {
      if (anyFloat) {
        return { kind: 'binary', type: 'float', op: irOp, operandType: 'float', left: toFloat(left), right: toFloat(right) };
      }
      const l = toInt(left);
      const r = toInt(right);
      if (op === 'Div') return { kind: 'binary', type: 'float', op: irOp, operandType: 'int', left: l, right: r };
      if (op === 'Pow' && r.kind === 'literal' && r.type === 'int' && r.value < 0n) {
        // int ** negative literal: CPython gives float(l) ** float(r).
        return { kind: 'binary', type: 'float', op: irOp, operandType: 'int', left: l, right: r };
      }
      return { kind: 'binary', type: 'int', op: irOp, operandType: 'int', left: l, right: r };
    }
  }
}

/** Same type, or a float and an int literal (exactly representable) made float. */
function unifyBranches(a: TExpr, b: TExpr): [TExpr, TExpr] | null {
  if (a.type === b.type) return [a, b];
  const literalInt = (e: TExpr): boolean => e.kind === 'literal' && e.type === 'int' && isExactFloat(e.value);
  if (a.type === 'float' && literalInt(b)) return [a, toFloat(b)];
  if (b.type === 'float' && literalInt(a)) return [toFloat(a), b];
  // `x if c else None`: Optional[T] (containers area).
  const optional = (v: TExpr, t: string): TExpr => (v.type === t ? v : v.type === 'None' ? { kind: 'none', type: t } : { kind: 'some', type: t, operand: v });
  const inner = a.type === 'None' ? b.type : b.type === 'None' ? a.type : null;
  if (inner !== null && inner !== 'None') {
    const t = inner.startsWith('Optional[') ? inner : `Optional[${inner}]`;
    return [optional(a, t), optional(b, t)];
  }
  const u = unify(a.type, b.type);
  if (u !== undefined) return [retype(a, u), retype(b, u)];
  // `"n/a" if x is None else x * 2`: CPython gives either value; a Union[str, int] keeps which (narrowing.ts).
  const member = (t: string): boolean => !hasUnknown(t) && !['None', 'Optional', 'Union', 'Callable'].includes(headOf(t));
  if (member(a.type) && member(b.type)) {
    const t = `Union[${a.type}, ${b.type}]`;
    const wrap = (v: TExpr, i: number): TExpr => ({ kind: 'op', type: t, op: 'union.wrap', args: [v, { kind: 'literal', type: 'int', value: BigInt(i) }] });
    return [wrap(a, 0), wrap(b, 1)];
  }
  return null;
}

function lowerCompare(e: ast.Compare, scope: Scope): TExpr | null {
  const lowered = [e.left, ...e.comparators].map((o) => lowerValue(o, scope));
  if (lowered.some((o) => o === null)) return null;
  const operands = lowered as TExpr[];
  const scalarLink = (i: number): boolean => {
    const op = e.ops[i]!;
    return COMPARE_OP[op] !== undefined && isScalar(operands[i]!.type) && isScalar(operands[i + 1]!.type);
  };
  if (e.ops.every((_, i) => scalarLink(i))) return lowerScalarCompare(e, operands);
  const ops: CompareOp[] = [];
  const modes: CompareMode[] = [];
  const valueOps: (string | null)[] = [];
  const out = [...operands];
  for (let i = 0; i < e.ops.length; i++) {
    if (scalarLink(i)) {
      ops.push(COMPARE_OP[e.ops[i]!]!);
      modes.push(compareMode(out[i]!.type, out[i + 1]!.type));
      valueOps.push(null);
      continue;
    }
    const link = compareValues(e.ops[i]!, out[i]!, out[i + 1]!, e.range, scope.report);
    if (link === null) return null;
    const changed = link.left !== out[i] || link.right !== out[i + 1];
    if (changed && e.ops.length > 1) {
      scope.report('PTL2002', e.range, 'this chained comparison mixes types that need conversion', 'Split it into comparisons joined with `and`.');
      return null;
    }
    out[i] = link.left;
    out[i + 1] = link.right;
    ops.push('eq');
    modes.push('op');
    valueOps.push(link.op);
  }
  return { kind: 'compare', type: 'bool', operands: out, ops, modes, valueOps };
}

function lowerScalarCompare(e: ast.Compare, operands: TExpr[]): TExpr {
  const ops = e.ops.map((op) => COMPARE_OP[op]!);
  // An int literal compared only with floats compares as that float (exactly
  // equal values), which reads better than the exact mixed comparison.
  const typed = operands.map((o, i, all) => {
    if (!(o.kind === 'literal' && o.type === 'int' && isExactFloat(o.value))) return o;
    const neighbours = [all[i - 1], all[i + 1]].filter((n): n is TExpr => n !== undefined);
    return neighbours.every((n) => n.type === 'float') ? toFloat(o) : o;
  });
  const modes = ops.map((_, i) => compareMode(typed[i]!.type, typed[i + 1]!.type));
  return { kind: 'compare', type: 'bool', operands: typed, ops, modes };
}

function compareMode(a: ValueType, b: ValueType): CompareMode {
  if (a === 'bool' && b === 'bool') return 'bool';
  if (a !== 'float' && b !== 'float') return 'int';
  if (a === 'int' && b === 'float') return 'int_float';
  if (a === 'float' && b === 'int') return 'float_int';
  return 'float'; // float with float or bool (a bool is exactly 0.0 or 1.0)
}
