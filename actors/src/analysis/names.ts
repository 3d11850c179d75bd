/**
 * The names translated code may use besides its own: the supported builtins,
 * the supported parts of `math`, and the rest of Python's builtins (which are
 * refused by name rather than reported as undefined).
 */
import type { MathConstName, ValueType } from './types.js';

/** Builtins the subset supports (as calls). `range` only as a for-loop iterable. */
export const SUPPORTED_BUILTINS = new Set([
  'abs', 'min', 'max', 'round', 'int', 'float', 'bool', 'divmod', 'pow', 'range',
  'len', 'str', 'repr', 'list', 'tuple', 'set', 'frozenset', 'dict', 'sorted', 'reversed', 'enumerate', 'zip', 'sum', 'any', 'all',
]);

/** Every other builtin of CPython 3.11, so a use is refused as "not supported" instead of "undefined". */
export const OTHER_BUILTINS = new Set([
  'aiter', 'all', 'anext', 'any', 'ascii', 'bin', 'breakpoint', 'bytearray', 'bytes', 'callable', 'chr',
  'classmethod', 'compile', 'complex', 'copyright', 'credits', 'delattr', 'dict', 'dir', 'enumerate', 'eval',
  'exec', 'exit', 'filter', 'format', 'frozenset', 'getattr', 'globals', 'hasattr', 'hash', 'help', 'hex', 'id',
  'input', 'isinstance', 'issubclass', 'iter', 'len', 'license', 'list', 'locals', 'map', 'memoryview', 'next',
  'object', 'oct', 'open', 'ord', 'print', 'property', 'quit', 'repr', 'reversed', 'set', 'setattr', 'slice',
  'sorted', 'staticmethod', 'str', 'sum', 'super', 'tuple', 'type', 'vars', 'zip', '__import__', '__build_class__',
  '__name__', '__file__', '__doc__', '__spec__', '__loader__', '__package__', '__builtins__', '__debug__',
  'NotImplemented', 'Ellipsis',
  // exception classes
  'BaseException', 'Exception', 'ArithmeticError', 'AssertionError', 'AttributeError', 'EOFError', 'FloatingPointError',
  'ImportError', 'IndexError', 'KeyError', 'KeyboardInterrupt', 'LookupError', 'MemoryError', 'NameError',
  'NotImplementedError', 'OSError', 'OverflowError', 'RecursionError', 'RuntimeError', 'StopIteration',
  'SystemExit', 'TypeError', 'ValueError', 'ZeroDivisionError',
]);

export const MATH_CONSTANTS: ReadonlyMap<string, MathConstName> = new Map([
  ['pi', 'pi'],
  ['e', 'e'],
  ['tau', 'tau'],
  ['inf', 'inf'],
  ['nan', 'nan'],
]);

/** A supported `math` function: its parameters (with defaults for keyword ones) and result type. */
export interface MathFunction {
  /** Python parameter names, in order. */
  readonly params: readonly string[];
  /** How many leading parameters are required. */
  readonly required: number;
  /** How many may be passed positionally (the rest are keyword-only). */
  readonly maxPositional?: number;
  /** Parameters that may be passed by keyword (CPython's signature). */
  readonly keywords: readonly string[];
  /** Defaults of the optional parameters, as float literals. */
  readonly defaults: Readonly<Record<string, number>>;
  /** `float`: ints and bools are converted as CPython does; `int`: ints and bools only. */
  readonly argType: 'float' | 'int';
  readonly returns: ValueType;
}

function unary(returns: ValueType = 'float'): MathFunction {
  return { params: ['x'], required: 1, keywords: [], defaults: {}, argType: 'float', returns };
}
function binary(a: string, b: string): MathFunction {
  return { params: [a, b], required: 2, keywords: [], defaults: {}, argType: 'float', returns: 'float' };
}

export const MATH_FUNCTIONS: ReadonlyMap<string, MathFunction> = new Map<string, MathFunction>([
  ['sqrt', unary()],
  ['exp', unary()],
  ['exp2', unary()],
  ['expm1', unary()],
  ['log', { params: ['x', 'base'], required: 1, keywords: [], defaults: {}, argType: 'float', returns: 'float' }],
  ['log2', unary()],
  ['log10', unary()],
  ['log1p', unary()],
  ['pow', binary('x', 'y')],
  ['sin', unary()],
  ['cos', unary()],
  ['tan', unary()],
  ['asin', unary()],
  ['acos', unary()],
  ['atan', unary()],
  ['sinh', unary()],
  ['cosh', unary()],
  ['tanh', unary()],
  ['atan2', binary('y', 'x')],
  ['hypot', binary('x', 'y')],
  ['fabs', unary()],
  ['fmod', binary('x', 'y')],
  ['copysign', binary('x', 'y')],
  ['degrees', unary()],
  ['radians', unary()],
  ['isnan', unary('bool')],
  ['isinf', unary('bool')],
  ['isfinite', unary('bool')],
  // floor/ceil/trunc return an int; on an int argument they return it unchanged.
  ['floor', unary('int')],
  ['ceil', unary('int')],
  ['trunc', unary('int')],
  [
    'isclose',
    { params: ['a', 'b', 'rel_tol', 'abs_tol'], required: 2, maxPositional: 2, keywords: ['a', 'b', 'rel_tol', 'abs_tol'], defaults: { rel_tol: 1e-9, abs_tol: 0 }, argType: 'float', returns: 'bool' },
  ],
  ['gcd', { params: ['a', 'b'], required: 2, keywords: [], defaults: {}, argType: 'int', returns: 'int' }],
  ['factorial', { params: ['n'], required: 1, keywords: [], defaults: {}, argType: 'int', returns: 'int' }],
]);

/** Modules Python code commonly imports, for a precise refusal message. */
export function isMathModule(name: string): boolean {
  return name === 'math';
}
