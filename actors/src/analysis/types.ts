/**
 * What analysis hands to the later stages: a typed, name-resolved form of the
 * module (the "IR") plus diagnostics.
 *
 * The IR is the Python program after every question the translator could ask
 * has been answered: each expression has a type, each name is resolved (local,
 * module constant, math constant, user function, builtin), implicit Python
 * conversions (bool → int, int → float) are explicit `convert` nodes, and
 * statements that can never run (after a `return`, a `break`, ...) are gone.
 * `spec` reads the exported signatures, `transpile` prints Rust from the rest.
 * Everything is plain data (ints are bigints) so it crosses worker threads.
 */
import type { Diagnostic, SourceRange } from '../diagnostics/diagnostic.js';

import type { Ty } from './ty.js';

/**
 * A Python value type as a canonical string (ty.ts, docs/values.md): the
 * scalars `int`, `float`, `bool`, and `str`, `list[int]`, `dict[str, float]`,
 * `tuple[int, str]`, `Optional[int]`, ...
 */
export type ValueType = Ty;
/** What a function may return. */
export type ReturnType = ValueType;

export interface AnalysisResult {
  readonly file: string;
  readonly source: string;
  /** The module name, from the file name (`fib.py` → `fib`). */
  readonly moduleName: string;
  /** The typed module; null when analysis (or ingest) found errors. */
  readonly module: ModuleIR | null;
  readonly diagnostics: Diagnostic[];
}

export interface ModuleIR {
  readonly name: string;
  readonly doc: string | null;
  /** Module constants, in source order. */
  readonly constants: ConstantIR[];
  /** Every module-level function, in source order. */
  readonly functions: FunctionIR[];
  /**
   * Script mode: the name (in `functions`) of the generated function holding
   * the module's top-level code; absent for a library module.
   */
  readonly entry?: string;
}

export interface ConstantIR {
  readonly name: string;
  readonly type: ValueType;
  /**
   * The value. A `literal` when analysis could compute it exactly as CPython
   * does; otherwise the expression to compute (over literals, earlier
   * constants and math).
   */
  readonly value: TExpr;
  readonly line: number;
  readonly range: SourceRange;
  /**
   * Script mode: a module variable (analysis/module-vars.ts), assigned by
   * `functions.global_set` operations as the program runs; `value` is unused.
   */
  readonly variable?: boolean;
}

export interface ParamIR {
  readonly name: string;
  readonly type: ValueType;
  /** Whether the function body assigns to the parameter. */
  readonly mutable: boolean;
}

export interface LocalIR {
  readonly name: string;
  readonly type: ValueType;
  /**
   * Whether some assignment may happen when the variable already holds a
   * value (so Rust needs `let mut`). Computed on the same control flow graph
   * rustc uses, so `mut` appears exactly when rustc requires it.
   */
  readonly mutable: boolean;
  /**
   * A `for` target used only inside the bodies of the loops that assign it
   * (see ForRangeStmt.targetIsLoopLocal): no function-wide variable needed.
   */
  readonly loopScoped: boolean;
}

export interface FunctionIR {
  readonly name: string;
  /** Exported: a module-level `def` whose name does not start with `_`. */
  readonly exported: boolean;
  readonly params: ParamIR[];
  readonly returns: ReturnType;
  readonly doc: string | null;
  /** 1-based line of the `def`. */
  readonly line: number;
  readonly range: SourceRange;
  /** The function's name in the `def`, for messages. */
  readonly nameRange: SourceRange;
  /** Local variables other than parameters, in order of first appearance. */
  readonly locals: LocalIR[];
  readonly body: TStmt[];
}

// ── statements ───────────────────────────────────────────────────────────

export type TStmt =
  | AssignStmt
  | UnpackStmt
  | ExprStmt
  | IfStmt
  | WhileStmt
  | ForRangeStmt
  | ReturnStmt
  | BreakStmt
  | ContinueStmt
  | PrintStmt
  | ExitStmt
  | ForEachStmt
  | SetItemStmt
  | DelItemStmt
  | StoreStmt;

/** One argument of `print`: literal text (a str literal, `None`) or a value shown with `str()`. */
export type PrintArg = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'value'; readonly value: TExpr };

/**
 * Script mode: `print(*args, sep=..., end=..., file=...)` (also
 * `sys.stdout.write("literal")`). Every argument is evaluated before
 * anything is written, as in CPython.
 */
export interface PrintStmt {
  readonly kind: 'print';
  /** 1 for stdout, 2 for `file=sys.stderr`. */
  readonly fd: 1 | 2;
  readonly args: PrintArg[];
  readonly sep: string;
  readonly end: string;
  readonly line: number;
}

/** Script mode: `sys.exit()` / `sys.exit(status)` (an int; null means 0). Raises SystemExit. */
export interface ExitStmt {
  readonly kind: 'exit';
  readonly status: TExpr | null;
  readonly line: number;
}

/** `x = e`, `a = b = e` (e evaluated once, then stored left to right). */
export interface AssignStmt {
  readonly kind: 'assign';
  readonly targets: string[];
  readonly value: TExpr;
  readonly line: number;
}

/** `a, b = e1, e2` or `q, r = divmod(x, y)`: the right side is fully evaluated first. */
export interface UnpackStmt {
  readonly kind: 'unpack';
  readonly targets: string[];
  readonly value: TupleExpr;
  readonly line: number;
}

export type TupleExpr =
  | { readonly kind: 'tuple'; readonly elts: TExpr[] }
  | { readonly kind: 'divmod'; readonly operandType: 'int' | 'float'; readonly left: TExpr; readonly right: TExpr };

/** An expression evaluated for its effects (a call, or something that may raise). */
export interface ExprStmt {
  readonly kind: 'expr';
  readonly value: TExpr | VoidCallExpr;
  readonly line: number;
}

export interface IfStmt {
  readonly kind: 'if';
  /** Always of type bool (truthiness made explicit). */
  readonly test: TExpr;
  readonly body: TStmt[];
  readonly orelse: TStmt[];
  readonly line: number;
}

export interface WhileStmt {
  readonly kind: 'while';
  /** Of type bool; null for `while True:` (and other always-true literals). */
  readonly test: TExpr | null;
  readonly body: TStmt[];
  /** Runs when the test becomes false (never for `while True`). */
  readonly orelse: TStmt[];
  /** Whether a `break` of this loop exists in its body. */
  readonly hasBreak: boolean;
  readonly line: number;
}

/** `for target in range(start, stop, step)`. */
export interface ForRangeStmt {
  readonly kind: 'for';
  readonly target: string;
  readonly start: TExpr;
  readonly stop: TExpr;
  /** null when the step is 1 (omitted). */
  readonly step: TExpr | null;
  readonly body: TStmt[];
  readonly orelse: TStmt[];
  readonly hasBreak: boolean;
  /**
   * True when every use of the target is inside this loop's body (it is not
   * read after the loop nor before it), so it can be a fresh binding per
   * iteration.
   */
  readonly targetIsLoopLocal: boolean;
  /** Whether the body reads the target. */
  readonly targetRead: boolean;
  /** Whether the body assigns to the target. */
  readonly targetAssigned: boolean;
  readonly line: number;
}

export interface ReturnStmt {
  readonly kind: 'return';
  /** null for a bare `return` (or `return None`) in a `-> None` function. */
  readonly value: TExpr | null;
  readonly line: number;
}

export interface BreakStmt {
  readonly kind: 'break';
  readonly line: number;
}

export interface ContinueStmt {
  readonly kind: 'continue';
  readonly line: number;
}

/**
 * `for target in iter`, over anything iterable: a list (by index, re-reading
 * its length each step as CPython does), str, tuple, dict (keys), set,
 * range value, or the lazy builtins (enumerate, zip, reversed, dict views).
 */
export interface ForEachStmt {
  readonly kind: 'foreach';
  readonly target: Target;
  readonly iter: TExpr;
  readonly body: TStmt[];
  readonly orelse: TStmt[];
  readonly hasBreak: boolean;
  readonly line: number;
}

/** An assignment target: a name, a subscript, or (nested) unpacking with at most one starred name. */
export type Target =
  | { readonly kind: 'name'; readonly name: string; readonly type: ValueType }
  | { readonly kind: 'item'; readonly container: TExpr; readonly index: TExpr; readonly type: ValueType }
  | { readonly kind: 'slice'; readonly container: TExpr; readonly lower: TExpr | null; readonly upper: TExpr | null; readonly step: TExpr | null; readonly type: ValueType }
  | { readonly kind: 'unpack'; readonly elts: Target[]; readonly starred: number | null; readonly type: ValueType };

/** `target = value` for targets other than plain names (subscripts, unpacking of any value). */
export interface StoreStmt {
  readonly kind: 'store';
  readonly targets: Target[];
  readonly value: TExpr;
  readonly line: number;
}

/** `container[index] = value` (list, dict). */
export interface SetItemStmt {
  readonly kind: 'setitem';
  readonly container: TExpr;
  readonly index: TExpr;
  readonly value: TExpr;
  readonly line: number;
}

/** `del container[index]` / `del container[a:b:c]`. */
export interface DelItemStmt {
  readonly kind: 'delitem';
  readonly target: Target;
  readonly line: number;
}

// ── expressions ──────────────────────────────────────────────────────────

export type BinaryOp = 'add' | 'sub' | 'mul' | 'truediv' | 'floordiv' | 'mod' | 'pow' | 'lshift' | 'rshift' | 'bitand' | 'bitor' | 'bitxor';
export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type UnaryOp = 'neg' | 'pos' | 'invert' | 'not';
export type MathConstName = 'pi' | 'e' | 'tau' | 'inf' | 'nan';

/**
 * How one link of a comparison chain compares: both operands converted to
 * `int`, `float` or `bool`, or the exact mixed comparisons of an int with a
 * float (which CPython does without rounding the int).
 */
export type CompareMode = 'int' | 'float' | 'bool' | 'int_float' | 'float_int' | 'op';

export type TExpr =
  | LiteralExpr
  | LocalExpr
  | ConstantRefExpr
  | MathConstExpr
  | ConvertExpr
  | TruthExpr
  | BinaryExpr
  | UnaryExpr
  | CompareExpr
  | BoolOpExpr
  | IfExpExpr
  | CallExpr
  | BuiltinExpr
  | NoneExpr
  | DisplayExpr
  | DictDisplayExpr
  | IndexExpr
  | SliceExpr
  | MethodExpr
  | OpExpr
  | SomeExpr
  | CompExpr
  | FStringExpr
  | LambdaExpr
  | CallValueExpr;

/**
 * A function as a value (`Callable[[A, B], R]`): a `lambda`, or a module
 * function or builtin passed by name (then `body` is the call of it on the
 * parameters). `params` are locals of the body; every other local the body
 * reads is captured by value when the expression is evaluated (analysis
 * only builds these where that is exact: see lower-lambda.ts).
 */
export interface LambdaExpr {
  readonly kind: 'lambda';
  readonly type: ValueType;
  readonly params: { readonly name: string; readonly type: ValueType }[];
  readonly body: TExpr;
  /** Locals of the enclosing code the body reads, with their types. */
  readonly captures: { readonly name: string; readonly type: ValueType }[];
}

/** A call of a function value (`f(x)` where `f: Callable[[int], int]`). */
export interface CallValueExpr {
  readonly kind: 'callValue';
  readonly type: ValueType;
  readonly callee: TExpr;
  readonly args: TExpr[];
}

/** `None` where an Optional is expected. */
export interface NoneExpr {
  readonly kind: 'none';
  readonly type: ValueType;
}

/** `[a, b]`, `{a, b}`, `(a, b)`; `starred[i]` marks `*x` elements (spread). */
export interface DisplayExpr {
  readonly kind: 'display';
  readonly type: ValueType;
  readonly of: 'list' | 'set' | 'tuple' | 'frozenset';
  readonly elts: TExpr[];
  readonly starred: boolean[];
}

export interface DictDisplayExpr {
  readonly kind: 'dictDisplay';
  readonly type: ValueType;
  readonly keys: TExpr[];
  readonly values: TExpr[];
}

/** `x[i]` on list, str, tuple (a literal index on a fixed tuple), dict. */
export interface IndexExpr {
  readonly kind: 'index';
  readonly type: ValueType;
  readonly value: TExpr;
  readonly index: TExpr;
}

/** `x[a:b:c]` on list, str, tuple. */
export interface SliceExpr {
  readonly kind: 'slice';
  readonly type: ValueType;
  readonly value: TExpr;
  readonly lower: TExpr | null;
  readonly upper: TExpr | null;
  readonly step: TExpr | null;
}

/**
 * A method of a builtin type (`s.split(",")`, `xs.append(1)`): `recv` is
 * the receiver; `args` are in parameter order, null where an optional
 * argument was left out. `name` is `<class>.<method>` (`str.split`).
 */
export interface MethodExpr {
  readonly kind: 'method';
  readonly type: ValueType;
  readonly name: string;
  readonly recv: TExpr;
  readonly args: (TExpr | null)[];
}

/**
 * A typed operation on non-scalar values, named `<op>` with its operand
 * types fixed by analysis: `str.concat`, `list.repeat`, `contains`,
 * `value.eq`, `value.lt`, `is_none`, `len`, `str_of`, `repr_of`, builtins
 * over iterables (`sorted`, `sum_int`, `enumerate` ...). Transpile maps each
 * name to Rust (transpile/ops.ts).
 */
export interface OpExpr {
  readonly kind: 'op';
  readonly type: ValueType;
  readonly op: string;
  readonly args: (TExpr | null)[];
  /** Functions passed to the operation (`key=`), as expressions of Callable type. */
}

/** A value of type T converted to Optional[T]. */
export interface SomeExpr {
  readonly kind: 'some';
  readonly type: ValueType;
  readonly operand: TExpr;
}

/** One `for target in iter if cond` clause. */
export interface CompClause {
  readonly target: Target;
  readonly iter: TExpr;
  readonly ifs: TExpr[];
}

/** List, set and dict comprehensions (`value` only for dicts). */
export interface CompExpr {
  readonly kind: 'comp';
  readonly type: ValueType;
  readonly of: 'list' | 'set' | 'dict';
  readonly elt: TExpr;
  readonly value: TExpr | null;
  readonly clauses: CompClause[];
  /** The comprehension's own variables (its targets), with types. */
  readonly locals: { readonly name: string; readonly type: ValueType }[];
}

/** An f-string: text and formatted values (`conversion`: 's', 'r', 'a' or null; `spec` may itself be an f-string). */
export interface FStringExpr {
  readonly kind: 'fstring';
  readonly type: 'str';
  readonly parts: ({ readonly text: string } | { readonly value: TExpr; readonly conversion: 's' | 'r' | 'a' | null; readonly spec: TExpr | null })[];
}

export type LiteralExpr =
  | { readonly kind: 'literal'; readonly type: 'str'; readonly value: string }
  | { readonly kind: 'literal'; readonly type: 'int'; readonly value: bigint }
  | { readonly kind: 'literal'; readonly type: 'float'; readonly value: number }
  | { readonly kind: 'literal'; readonly type: 'bool'; readonly value: boolean };

/** A parameter or local variable. */
export interface LocalExpr {
  readonly kind: 'local';
  readonly type: ValueType;
  readonly name: string;
}

/** A module constant. */
export interface ConstantRefExpr {
  readonly kind: 'constant';
  readonly type: ValueType;
  readonly name: string;
}

export interface MathConstExpr {
  readonly kind: 'mathConst';
  readonly type: 'float';
  readonly name: MathConstName;
}

/**
 * An implicit Python conversion: bool → int (`True + 1`), bool → float,
 * int → float (`n * 0.5`, exact like CPython's int.__float__).
 */
export interface ConvertExpr {
  readonly kind: 'convert';
  readonly type: 'int' | 'float';
  readonly operand: TExpr;
}

/** `bool(x)`: Python truthiness of an int, float or bool. */
export interface TruthExpr {
  readonly kind: 'truth';
  readonly type: 'bool';
  readonly operand: TExpr;
}

/**
 * A binary operation. Both operands have type `operandType` (conversions
 * already applied): int and float for arithmetic, also bool for `& | ^`.
 * `truediv` of ints gives a float; `pow` with `operandType: 'int'` and
 * `type: 'float'` is an int raised to a literal negative exponent.
 */
export interface BinaryExpr {
  readonly kind: 'binary';
  readonly type: ValueType;
  readonly op: BinaryOp;
  readonly operandType: ValueType;
  readonly left: TExpr;
  readonly right: TExpr;
}

/** `-x`, `+x`, `~x` on int or float (bools converted first); `not x` on bool. */
export interface UnaryExpr {
  readonly kind: 'unary';
  readonly type: ValueType;
  readonly op: UnaryOp;
  readonly operand: TExpr;
}

/**
 * `a < b <= c ...`: each operand evaluated at most once, left to right,
 * stopping at the first false link. Operands keep their own types; each link
 * says how it compares.
 */
export interface CompareExpr {
  readonly kind: 'compare';
  readonly type: 'bool';
  readonly operands: TExpr[];
  readonly ops: CompareOp[];
  readonly modes: CompareMode[];
  /**
   * For links of mode `op` (non-scalar operands, `in`, `is None`): the
   * operation's name in transpile/ops.ts (`value.lt`, `list.in`,
   * `is_none`...), applied to the link's two operands; null for scalar links.
   */
  readonly valueOps?: (string | null)[];
}

/**
 * `a and b`, `a or b`: Python returns one of the operands. All operands have
 * the result type; for bool this is plain `&&`/`||`.
 */
export interface BoolOpExpr {
  readonly kind: 'boolop';
  readonly type: ValueType;
  readonly op: 'and' | 'or';
  readonly values: TExpr[];
}

export interface IfExpExpr {
  readonly kind: 'ifexp';
  readonly type: ValueType;
  readonly test: TExpr;
  readonly body: TExpr;
  readonly orelse: TExpr;
}

/** A call of a module function; `args` are in parameter order, converted to the parameter types. */
export interface CallExpr {
  readonly kind: 'call';
  readonly type: ValueType;
  readonly func: string;
  readonly args: TExpr[];
  /**
   * When keyword arguments reorder the call, the order in which Python
   * evaluates `args` (indices into `args`); null when it is parameter order.
   */
  readonly evalOrder: number[] | null;
}

/** A call of a function that returns None; only allowed as a statement. */
export interface VoidCallExpr {
  readonly kind: 'call';
  readonly type: 'None';
  readonly func: string;
  readonly args: TExpr[];
  readonly evalOrder: number[] | null;
}

/**
 * A builtin or math function. Arguments are already converted where Python
 * converts them (math functions take floats, `range`-like int arguments...).
 */
export interface BuiltinExpr {
  readonly kind: 'builtin';
  readonly type: ValueType;
  readonly name: BuiltinName;
  readonly args: TExpr[];
}

/**
 * The builtin operations, each with fixed argument types:
 *
 * - `abs_int` (int) → int, `abs_float` (float) → float
 * - `min_int`/`max_int` (int, int, ...) → int, likewise `_float` and `_bool`
 * - `round_float` (float) → int (banker's), `round_float_nd` (float, int) → float, `round_int_nd` (int, int) → int
 * - `float_to_int` (float) → int, i.e. `int(x)`
 * - `math_<name>`: the math function of that name on floats (`math_gcd`,
 *   `math_factorial` on ints), `math_log_base` is `math.log(x, base)`;
 *   `math_floor`/`math_ceil`/`math_trunc` take a float and return an int.
 */
export type BuiltinName =
  | 'abs_int'
  | 'abs_float'
  | 'min_int'
  | 'max_int'
  | 'min_float'
  | 'max_float'
  | 'min_bool'
  | 'max_bool'
  | 'round_float'
  | 'round_float_nd'
  | 'round_int_nd'
  | 'float_to_int'
  | 'sys_argc'
  | `math_${string}`;
