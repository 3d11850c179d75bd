/**
 * Narrowing of `Optional[T]` locals by a condition, as a type checker does:
 * inside `if x is not None:` (or `if x:`, `if isinstance(x, T):`, the right
 * operand of `x is not None and ...`, the branch of a conditional
 * expression) `x` has type `T`; after `if x is None: return ...` the rest of
 * the block sees `T` too.
 *
 * IR: a narrowed read is an `op` node `optional.narrowed` over the local
 * (type `T`); the transpiler prints it as the value inside the Some (the
 * condition has proved it is there). A region is narrowed only when it does
 * not assign the variable (otherwise the reads keep the Optional type, as
 * before).
 */
import type * as ast from '../ingest/ast.js';
import type { Scope } from './lower-expr.js';
import { elementOf, headOf } from './ty.js';
import type { TExpr } from './types.js';

/** Names proved not None where a condition is true (`then`) and where it is false (`else`). */
export interface Narrowing {
  readonly then: ReadonlySet<string>;
  readonly else: ReadonlySet<string>;
}

const NONE: Narrowing = { then: new Set(), else: new Set() };

const isNone = (e: ast.Expr_): boolean => e.type === 'Constant' && e.kind === 'None';

/** Builtin classes `isinstance(x, C)` can test, by name. */
export const ISINSTANCE_CLASSES: ReadonlySet<string> = new Set(['int', 'float', 'bool', 'str', 'list', 'dict', 'set', 'frozenset', 'tuple', 'range']);

/** Whether a value of (non-Optional) type `t` is an instance of the builtin class `cls`. */
export function isInstanceOf(t: string, cls: string): boolean {
  const h = headOf(t) === 'tupleN' ? 'tuple' : headOf(t);
  return h === cls || (cls === 'int' && h === 'bool');
}

/** The class names of isinstance's second argument (`int` or `(int, float)`), or null. */
export function isinstanceClasses(e: ast.Expr_): string[] | null {
  if (e.type === 'Name') return ISINSTANCE_CLASSES.has(e.id) ? [e.id] : null;
  if (e.type === 'Tuple') {
    const names = e.elts.map(isinstanceClasses);
    return names.every((n) => n !== null) ? (names as string[][]).flat() : null;
  }
  return null;
}

/** What a condition proves about Optional locals. */
export function narrowingOf(test: ast.Expr_, scope: Scope): Narrowing {
  const optionalLocal = (e: ast.Expr_): string | null => {
    if (e.type !== 'Name') return null;
    const t = scope.local(e.id)?.type;
    return t !== undefined && t.startsWith('Optional[') ? e.id : null;
  };
  switch (test.type) {
    case 'Name': {
      const n = optionalLocal(test);
      return n ? { then: new Set([n]), else: new Set() } : NONE;
    }
    case 'Compare': {
      if (test.ops.length !== 1) return NONE;
      const [op, right] = [test.ops[0], test.comparators[0]!];
      const n = optionalLocal(test.left);
      if (n === null || !isNone(right)) return NONE;
      if (op === 'IsNot') return { then: new Set([n]), else: new Set() };
      if (op === 'Is') return { then: new Set(), else: new Set([n]) };
      return NONE;
    }
    case 'UnaryOp': {
      if (test.op !== 'Not') return NONE;
      const inner = narrowingOf(test.operand, scope);
      return { then: inner.else, else: inner.then };
    }
    case 'BoolOp': {
      const parts = test.values.map((v) => narrowingOf(v, scope));
      // `a and b` true: both true; `a or b` false: both false.
      if (test.op === 'And') return { then: new Set(parts.flatMap((p) => [...p.then])), else: new Set() };
      return { then: new Set(), else: new Set(parts.flatMap((p) => [...p.else])) };
    }
    case 'Call': {
      const f = test.func;
      if (f.type !== 'Name' || f.id !== 'isinstance' || test.args.length !== 2 || test.keywords.length > 0 || scope.local('isinstance')) return NONE;
      const n = optionalLocal(test.args[0]!);
      const classes = isinstanceClasses(test.args[1]!);
      if (n === null || classes === null) return NONE;
      const inner = elementOf(scope.local(n)!.type!)!;
      return classes.some((c) => isInstanceOf(inner, c)) ? { then: new Set([n]), else: new Set() } : NONE;
    }
    default:
      return NONE;
  }
}

/** A scope where reads of `names` (Optional locals) give their inner type, through an `optional.narrowed` op. */
export function narrowedScope(scope: Scope, names: ReadonlySet<string>): Scope {
  if (names.size === 0) return scope;
  return {
    ...scope,
    local(name) {
      const l = scope.local(name);
      if (!names.has(name) || l?.type === undefined || !l.type.startsWith('Optional[')) return l;
      return { type: elementOf(l.type)!, narrowed: l.type };
    },
  };
}

/**
 * For type inference only (functions.ts), which does not follow control
 * flow: a scope where every Optional local reads as its inner type. Used as a
 * second try when an expression fails with the declared types, so `a = x + 1`
 * inside `if x is not None:` gets a type; lowering then checks that the read
 * is really narrowed there (and refuses it otherwise).
 */
export function everyOptionalNarrowed(scope: Scope): Scope {
  return {
    ...scope,
    local(name) {
      const l = scope.local(name);
      if (l?.type === undefined || !l.type.startsWith('Optional[')) return l;
      return { type: elementOf(l.type)!, narrowed: l.type };
    },
  };
}

/** The read of a narrowed local (see lower-expr.ts lowerName). */
export function narrowedRead(name: string, optionalType: string, type: string): TExpr {
  return { kind: 'op', type, op: 'optional.narrowed', args: [{ kind: 'local', type: optionalType, name }] };
}

/** Names a statement list assigns anywhere (targets, for targets, augmented, `del`, walrus, nested blocks). */
export function assignedNames(stmts: readonly ast.Stmt[]): Set<string> {
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    const n = node as { type?: string; [k: string]: unknown };
    if (n.type === 'NamedExpr') targetNames(n.target as ast.Expr_, out);
    if (n.type === 'Assign') for (const t of n.targets as ast.Expr_[]) targetNames(t, out);
    if (n.type === 'AugAssign' || n.type === 'AnnAssign' || n.type === 'For') targetNames(n.target as ast.Expr_, out);
    if (n.type === 'Delete') for (const t of n.targets as ast.Expr_[]) targetNames(t, out);
    if (n.type === 'Global' || n.type === 'Nonlocal') for (const x of n.names as string[]) out.add(x);
    for (const [k, v] of Object.entries(n)) if (k !== 'range' && typeof v === 'object') visit(v);
  };
  visit(stmts);
  return out;
}

function targetNames(t: ast.Expr_, out: Set<string>): void {
  if (t.type === 'Name') out.add(t.id);
  else if (t.type === 'Tuple' || t.type === 'List') for (const x of t.elts) targetNames(x, out);
  else if (t.type === 'Starred') targetNames(t.value, out);
}

/** Drops the names a region assigns. */
export function stable(names: ReadonlySet<string>, region: readonly ast.Stmt[]): Set<string> {
  if (names.size === 0) return new Set();
  const assigned = assignedNames(region);
  return new Set([...names].filter((n) => !assigned.has(n)));
}

/** Whether a block always leaves (return, continue, break; sys.exit() is not counted). */
export function alwaysLeaves(stmts: readonly ast.Stmt[]): boolean {
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  switch (last.type) {
    case 'Return':
    case 'Continue':
    case 'Break':
      return true;
    case 'If':
      return alwaysLeaves(last.body) && alwaysLeaves(last.orelse);
    default:
      return false;
  }
}
