/**
 * The typed Python AST produced by ingest and read by every later stage.
 *
 * Node and field names follow CPython's `ast` module (Parser/Python.asdl):
 * `FunctionDef`, `BinOp(left, op, right)`, `Compare(left, ops, comparators)`...
 * so anyone who knows `ast.dump()` can read it. Every node carries the source
 * range it came from. Constructs that Python accepts but this AST does not
 * model yet become `UnsupportedStmt` / `UnsupportedExpr` with the CPython node
 * name (`ClassDef`, `Yield`, ...), so analysis can refuse them precisely
 * instead of ingest failing. For raise, assert, try, with, class, match,
 * yield, yield from and await the placeholder also carries the statement or
 * expression in CPython's shape (`modelled`), converted and tested against
 * CPython already, for the later stages to adopt.
 */
import type { SourceRange } from '../diagnostics/diagnostic.js';

interface NodeBase {
  readonly range: SourceRange;
}

// ── module and statements ────────────────────────────────────────────────

export interface Module {
  readonly type: 'Module';
  readonly body: Stmt[];
  readonly range: SourceRange;
}

export type Stmt =
  | FunctionDef
  | Return
  | Assign
  | AugAssign
  | AnnAssign
  | For
  | While
  | If
  | Expr
  | Pass
  | Break
  | Continue
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | Delete
  | UnsupportedStmt;

export interface FunctionDef extends NodeBase {
  readonly type: 'FunctionDef';
  readonly name: string;
  readonly nameRange: SourceRange;
  readonly args: Arguments;
  readonly body: Stmt[];
  readonly decorator_list: Expr_[];
  /** The return annotation, if any. */
  readonly returns: Expr_ | null;
  /** The docstring, when the first statement is a string literal. */
  readonly docstring: string | null;
  readonly is_async: boolean;
}

export interface Arguments extends NodeBase {
  readonly type: 'arguments';
  readonly posonlyargs: Arg[];
  readonly args: Arg[];
  readonly vararg: Arg | null;
  readonly kwonlyargs: Arg[];
  /** Defaults for kwonlyargs, `null` where there is none (same length). */
  readonly kw_defaults: (Expr_ | null)[];
  readonly kwarg: Arg | null;
  /** Defaults for the last N of posonlyargs + args. */
  readonly defaults: Expr_[];
}

export interface Arg extends NodeBase {
  readonly type: 'arg';
  readonly arg: string;
  readonly annotation: Expr_ | null;
}

export interface Return extends NodeBase {
  readonly type: 'Return';
  readonly value: Expr_ | null;
}

export interface Assign extends NodeBase {
  readonly type: 'Assign';
  /** `a = b = 1` has two targets. */
  readonly targets: Expr_[];
  readonly value: Expr_;
}

export interface AugAssign extends NodeBase {
  readonly type: 'AugAssign';
  readonly target: Expr_;
  readonly op: Operator;
  readonly value: Expr_;
}

export interface AnnAssign extends NodeBase {
  readonly type: 'AnnAssign';
  readonly target: Expr_;
  readonly annotation: Expr_;
  readonly value: Expr_ | null;
  /**
   * CPython's `simple` flag: true when the target is a plain name that is not
   * in parentheses (`x: int`), false for `(x): int`, `a.b: int`, `a[i]: int`.
   * Optional so hand-built nodes may leave it out; ingest always sets it.
   */
  readonly simple?: boolean;
}

export interface For extends NodeBase {
  readonly type: 'For';
  readonly target: Expr_;
  readonly iter: Expr_;
  readonly body: Stmt[];
  readonly orelse: Stmt[];
  readonly is_async: boolean;
}

export interface While extends NodeBase {
  readonly type: 'While';
  readonly test: Expr_;
  readonly body: Stmt[];
  readonly orelse: Stmt[];
}

export interface If extends NodeBase {
  readonly type: 'If';
  readonly test: Expr_;
  readonly body: Stmt[];
  /** `elif` chains are nested `If` nodes in `orelse`, as in CPython. */
  readonly orelse: Stmt[];
}

export interface Expr extends NodeBase {
  readonly type: 'Expr';
  readonly value: Expr_;
}

export interface Pass extends NodeBase {
  readonly type: 'Pass';
}
export interface Break extends NodeBase {
  readonly type: 'Break';
}
export interface Continue extends NodeBase {
  readonly type: 'Continue';
}

export interface Alias extends NodeBase {
  readonly type: 'alias';
  readonly name: string;
  readonly asname: string | null;
}

export interface Import extends NodeBase {
  readonly type: 'Import';
  readonly names: Alias[];
}

export interface ImportFrom extends NodeBase {
  readonly type: 'ImportFrom';
  readonly module: string | null;
  readonly names: Alias[];
  /** Number of leading dots. */
  readonly level: number;
}

export interface Global extends NodeBase {
  readonly type: 'Global';
  readonly names: string[];
}

export interface Nonlocal extends NodeBase {
  readonly type: 'Nonlocal';
  readonly names: string[];
}

/** A statement Python accepts that this AST does not model (yet). */
/** `del a, b[i], c[1:2]`. */
export interface Delete extends NodeBase {
  readonly type: 'Delete';
  readonly targets: Expr_[];
}

export interface UnsupportedStmt extends NodeBase {
  readonly type: 'UnsupportedStmt';
  /** CPython's node name: 'ClassDef', 'Try', 'With', 'Raise', 'Assert', 'Delete', 'Match', ... */
  readonly node: string;
  /** What about it is unsupported, when the node name alone does not say (e.g. 'type parameters'). */
  readonly detail?: string;
  /**
   * The statement in CPython's shape, for the issue-4 statements ingest
   * already converts (Raise, Assert, Try/TryStar, With/AsyncWith, ClassDef)
   * while later stages still refuse them by `node`. A stage that supports
   * one reads it here; moving these into `Stmt` is then a one-line change.
   */
  readonly modelled?: ModelledStmt;
}

// ── statements converted ahead of the later stages (see UnsupportedStmt.modelled) ──

export type ModelledStmt = Raise | Assert | Try | With | ClassDef | Match;

/** `match subject:` with its `case` clauses. */
export interface Match extends NodeBase {
  readonly type: 'Match';
  readonly subject: Expr_;
  readonly cases: MatchCase[];
}

/** `case pattern if guard:` (no position in CPython). */
export interface MatchCase {
  readonly type: 'match_case';
  readonly pattern: Pattern;
  readonly guard: Expr_ | null;
  readonly body: Stmt[];
}

export type Pattern = MatchValue | MatchSingleton | MatchSequence | MatchMapping | MatchClass | MatchStar | MatchAs | MatchOr;

/** A literal, a negative or complex number, or a dotted name compared by value. */
export interface MatchValue extends NodeBase {
  readonly type: 'MatchValue';
  readonly value: Expr_;
}
export interface MatchSingleton extends NodeBase {
  readonly type: 'MatchSingleton';
  readonly value: null | boolean;
}
export interface MatchSequence extends NodeBase {
  readonly type: 'MatchSequence';
  readonly patterns: Pattern[];
}
export interface MatchMapping extends NodeBase {
  readonly type: 'MatchMapping';
  readonly keys: Expr_[];
  readonly patterns: Pattern[];
  readonly rest: string | null;
}
export interface MatchClass extends NodeBase {
  readonly type: 'MatchClass';
  readonly cls: Expr_;
  readonly patterns: Pattern[];
  readonly kwd_attrs: string[];
  readonly kwd_patterns: Pattern[];
}
/** `*name` in a sequence pattern (name null for `*_`). */
export interface MatchStar extends NodeBase {
  readonly type: 'MatchStar';
  readonly name: string | null;
}
/** A capture `x`, the wildcard `_` (both null), or `pattern as name`. */
export interface MatchAs extends NodeBase {
  readonly type: 'MatchAs';
  readonly pattern: Pattern | null;
  readonly name: string | null;
}
export interface MatchOr extends NodeBase {
  readonly type: 'MatchOr';
  readonly patterns: Pattern[];
}

/** `raise`, `raise exc`, `raise exc from cause`. */
export interface Raise extends NodeBase {
  readonly type: 'Raise';
  readonly exc: Expr_ | null;
  readonly cause: Expr_ | null;
}

/** `assert test, msg`. */
export interface Assert extends NodeBase {
  readonly type: 'Assert';
  readonly test: Expr_;
  readonly msg: Expr_ | null;
}

/** `try` with `except` clauses (CPython's `TryStar` when they are `except*`), `else`, `finally`. */
export interface Try extends NodeBase {
  readonly type: 'Try' | 'TryStar';
  readonly body: Stmt[];
  readonly handlers: ExceptHandler[];
  readonly orelse: Stmt[];
  readonly finalbody: Stmt[];
}

/** `except type as name:` (type null for a bare `except:`). */
export interface ExceptHandler extends NodeBase {
  readonly type: 'ExceptHandler';
  readonly exc_type: Expr_ | null;
  readonly name: string | null;
  readonly body: Stmt[];
}

/** `with a as b, c:` (CPython's `AsyncWith` when is_async). */
export interface With extends NodeBase {
  readonly type: 'With';
  readonly items: WithItem[];
  readonly body: Stmt[];
  readonly is_async: boolean;
}

/** One `context_expr as optional_vars` of a `with` (no position in CPython). */
export interface WithItem {
  readonly type: 'withitem';
  readonly context_expr: Expr_;
  readonly optional_vars: Expr_ | null;
}

export interface ClassDef extends NodeBase {
  readonly type: 'ClassDef';
  readonly name: string;
  readonly bases: Expr_[];
  readonly keywords: Keyword[];
  readonly body: Stmt[];
  readonly decorator_list: Expr_[];
}

// ── expressions ──────────────────────────────────────────────────────────

/** Named `Expr_` because CPython's `Expr` is the expression *statement*. */
export type Expr_ =
  | BoolOp
  | BinOp
  | UnaryOp
  | IfExp
  | Compare
  | Call
  | Constant
  | Attribute
  | Subscript
  | Name
  | Tuple
  | List
  | Dict
  | Set
  | Slice
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Lambda
  | JoinedStr
  | FormattedValue
  | Starred
  | NamedExpr
  | UnsupportedExpr;

export type BoolOperator = 'And' | 'Or';
export type Operator = 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow' | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';
export type UnaryOperator = 'Invert' | 'Not' | 'UAdd' | 'USub';
export type CmpOperator = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

export interface BoolOp extends NodeBase {
  readonly type: 'BoolOp';
  readonly op: BoolOperator;
  /** `a and b and c` is one BoolOp with three values, as in CPython. */
  readonly values: Expr_[];
}

export interface BinOp extends NodeBase {
  readonly type: 'BinOp';
  readonly left: Expr_;
  readonly op: Operator;
  readonly right: Expr_;
}

export interface UnaryOp extends NodeBase {
  readonly type: 'UnaryOp';
  readonly op: UnaryOperator;
  readonly operand: Expr_;
}

export interface IfExp extends NodeBase {
  readonly type: 'IfExp';
  readonly test: Expr_;
  readonly body: Expr_;
  readonly orelse: Expr_;
}

export interface Compare extends NodeBase {
  readonly type: 'Compare';
  readonly left: Expr_;
  readonly ops: CmpOperator[];
  readonly comparators: Expr_[];
}

export interface Keyword extends NodeBase {
  readonly type: 'keyword';
  /** null for `**kwargs`. */
  readonly arg: string | null;
  readonly value: Expr_;
}

export interface Call extends NodeBase {
  readonly type: 'Call';
  readonly func: Expr_;
  readonly args: Expr_[];
  readonly keywords: Keyword[];
}

/**
 * A literal. `kind` says which Python type it is, since JS numbers cannot tell
 * `1` from `1.0`: ints keep their exact value as a bigint.
 */
export type Constant = NodeBase & {
  readonly type: 'Constant';
  /** A str literal written with the `u` prefix (CPython records `kind='u'`); absent otherwise. */
  readonly uPrefix?: true;
} & (
    | { readonly kind: 'int'; readonly value: bigint }
    | { readonly kind: 'float'; readonly value: number }
    | { readonly kind: 'complex'; readonly value: number }
    | { readonly kind: 'bool'; readonly value: boolean }
    | { readonly kind: 'None'; readonly value: null }
    | { readonly kind: 'str'; readonly value: string }
    | { readonly kind: 'bytes'; readonly value: Uint8Array }
    | { readonly kind: 'Ellipsis'; readonly value: null }
  );

export interface Attribute extends NodeBase {
  readonly type: 'Attribute';
  readonly value: Expr_;
  readonly attr: string;
}

export interface Subscript extends NodeBase {
  readonly type: 'Subscript';
  readonly value: Expr_;
  readonly slice: Expr_;
}

export interface Name extends NodeBase {
  readonly type: 'Name';
  readonly id: string;
}

export interface Tuple extends NodeBase {
  readonly type: 'Tuple';
  readonly elts: Expr_[];
}

export interface List extends NodeBase {
  readonly type: 'List';
  readonly elts: Expr_[];
}

/** `{k: v, **other}`: a `**other` entry has a null key, as in CPython. */
export interface Dict extends NodeBase {
  readonly type: 'Dict';
  readonly keys: (Expr_ | null)[];
  readonly values: Expr_[];
}

export interface Set extends NodeBase {
  readonly type: 'Set';
  readonly elts: Expr_[];
}

/** `a:b:c` inside a subscript (`x[1:]` has `Slice(lower=1)`). */
export interface Slice extends NodeBase {
  readonly type: 'Slice';
  readonly lower: Expr_ | null;
  readonly upper: Expr_ | null;
  readonly step: Expr_ | null;
}

/** One `for target in iter if cond...` clause of a comprehension. */
export interface Comprehension {
  readonly type: 'comprehension';
  readonly target: Expr_;
  readonly iter: Expr_;
  readonly ifs: Expr_[];
  readonly is_async: boolean;
  readonly range: SourceRange;
}

export interface ListComp extends NodeBase {
  readonly type: 'ListComp';
  readonly elt: Expr_;
  readonly generators: Comprehension[];
}

export interface SetComp extends NodeBase {
  readonly type: 'SetComp';
  readonly elt: Expr_;
  readonly generators: Comprehension[];
}

export interface DictComp extends NodeBase {
  readonly type: 'DictComp';
  readonly key: Expr_;
  readonly value: Expr_;
  readonly generators: Comprehension[];
}

export interface GeneratorExp extends NodeBase {
  readonly type: 'GeneratorExp';
  readonly elt: Expr_;
  readonly generators: Comprehension[];
}

export interface Lambda extends NodeBase {
  readonly type: 'Lambda';
  readonly args: Arguments;
  readonly body: Expr_;
}

/** An f-string: literal parts are str Constants, replacement fields FormattedValues. */
export interface JoinedStr extends NodeBase {
  readonly type: 'JoinedStr';
  readonly values: (Constant | FormattedValue)[];
}

/** `{value!r:spec}` in an f-string. conversion: -1 none, 115 's', 114 'r', 97 'a' (CPython's codes). */
export interface FormattedValue extends NodeBase {
  readonly type: 'FormattedValue';
  readonly value: Expr_;
  readonly conversion: number;
  readonly format_spec: JoinedStr | null;
}

/** `*x` in a call, a display or an assignment target. */
export interface Starred extends NodeBase {
  readonly type: 'Starred';
  readonly value: Expr_;
}

/** `(target := value)`. */
export interface NamedExpr extends NodeBase {
  readonly type: 'NamedExpr';
  readonly target: Name;
  readonly value: Expr_;
}

/** An expression Python accepts that this AST does not model (yet). */
export interface UnsupportedExpr extends NodeBase {
  readonly type: 'UnsupportedExpr';
  /** CPython's node name: 'Lambda', 'Yield', 'ListComp', 'Dict', 'JoinedStr', 'Starred', ... */
  readonly node: string;
  /** What about it is unsupported, when the node name alone does not say (e.g. '\\N{...} escape'). */
  readonly detail?: string;
  /** `yield`, `yield from` and `await` in CPython's shape, converted ahead of the later stages (as UnsupportedStmt.modelled). */
  readonly modelled?: ModelledExpr;
}

export type ModelledExpr = Yield | YieldFrom | Await;

export interface Yield extends NodeBase {
  readonly type: 'Yield';
  readonly value: Expr_ | null;
}

export interface YieldFrom extends NodeBase {
  readonly type: 'YieldFrom';
  readonly value: Expr_;
}

export interface Await extends NodeBase {
  readonly type: 'Await';
  readonly value: Expr_;
}

export type Node = Module | Stmt | Expr_ | Arguments | Arg | Keyword | Alias;
