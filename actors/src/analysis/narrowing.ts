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
import { elementOf, headOf, unionParts } from './ty.js';
import type { TExpr } from './types.js';

/**
 * What a condition proves where it is true (`then`) and where it is false
 * (`else`): local name -> its narrowed type (the inner type of an Optional,
 * one member of a union, or a smaller union while members are ruled out).
 */
export interface Narrowing {
  readonly then: ReadonlyMap<string, string>;
  readonly else: ReadonlyMap<string, string>;
}

const NONE: Narrowing = { then: new Map(), else: new Map() };

const isNone = (e: ast.Expr_): boolean => e.type === 'Constant' && e.kind === 'None';

/** A union's members still possible here (narrowing by elimination), or its declared members. */
function possibleMembers(scope: Scope, name: string): string[] | undefined {
  const l = scope.local(name);
  if (l?.type === undefined) return undefined;
  if (l.members) return [...l.members];
  return unionParts(l.type);
}

function unionOfMembers(members: readonly string[]): string {
  return members.length === 1 ? members[0]! : `Union[${members.join(', ')}]`;
}

function merged(maps: readonly ReadonlyMap<string, string>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of maps) for (const [k, v] of m) if (!out.has(k)) out.set(k, v);
  return out;
}

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

/** What a condition proves about Optional and union locals. */
export function narrowingOf(test: ast.Expr_, scope: Scope): Narrowing {
  const optionalLocal = (e: ast.Expr_): string | null => {
    if (e.type !== 'Name') return null;
    const t = scope.local(e.id)?.type;
    return t !== undefined && t.startsWith('Optional[') ? e.id : null;
  };
  const innerOf = (name: string): string => elementOf(scope.local(name)!.type!)!;
  switch (test.type) {
    case 'Name': {
      const n = optionalLocal(test);
      return n ? { then: new Map([[n, innerOf(n)]]), else: new Map() } : NONE;
    }
    case 'Compare': {
      if (test.ops.length !== 1) return NONE;
      const [op, right] = [test.ops[0], test.comparators[0]!];
      const n = optionalLocal(test.left);
      if (n === null || !isNone(right)) return NONE;
      if (op === 'IsNot') return { then: new Map([[n, innerOf(n)]]), else: new Map() };
      if (op === 'Is') return { then: new Map(), else: new Map([[n, innerOf(n)]]) };
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
      if (test.op === 'And') return { then: merged(parts.map((p) => p.then)), else: new Map() };
      return { then: new Map(), else: merged(parts.map((p) => p.else)) };
    }
    case 'Call': {
      const f = test.func;
      if (f.type !== 'Name' || f.id !== 'isinstance' || test.args.length !== 2 || test.keywords.length > 0 || scope.local('isinstance')) return NONE;
      const x = test.args[0]!;
      const classes = isinstanceClasses(test.args[1]!);
      if (x.type !== 'Name' || classes === null) return NONE;
      const n = optionalLocal(x);
      if (n !== null) return classes.some((c) => isInstanceOf(innerOf(n), c)) ? { then: new Map([[n, innerOf(n)]]), else: new Map() } : NONE;
      const members = possibleMembers(scope, x.id);
      if (!members) return NONE;
      const hit = members.filter((m) => classes.some((c) => isInstanceOf(m, c)));
      const miss = members.filter((m) => !hit.includes(m));
      return {
        then: hit.length > 0 ? new Map([[x.id, unionOfMembers(hit)]]) : new Map(),
        else: miss.length > 0 ? new Map([[x.id, unionOfMembers(miss)]]) : new Map(),
      };
    }
    default:
      return NONE;
  }
}

/**
 * A scope where the narrowed locals read as their narrowed type (through an
 * `optional.narrowed` / `union.narrowed` op), or, for a union narrowed to
 * fewer members, keep their type and remember the members left.
 */
export function narrowedScope(scope: Scope, names: ReadonlyMap<string, string>): Scope {
  if (names.size === 0) return scope;
  return {
    ...scope,
    local(name) {
      const l = scope.local(name);
      const to = names.get(name);
      if (to === undefined || l?.type === undefined) return l;
      const declared = l.narrowed ?? l.type;
      if (declared.startsWith('Optional[')) return l.narrowed ? l : { type: to, narrowed: declared };
      if (!declared.startsWith('Union[')) return l;
      if (to.startsWith('Union[')) return { type: declared, members: unionParts(to)! };
      return { type: to, narrowed: declared };
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
export function narrowedRead(name: string, declared: string, type: string): TExpr {
  const local: TExpr = { kind: 'local', type: declared, name };
  if (declared.startsWith('Union[')) return { kind: 'op', type, op: 'union.narrowed', args: [local, { kind: 'literal', type: 'int', value: BigInt(unionParts(declared)!.indexOf(type)) }] };
  return { kind: 'op', type, op: 'optional.narrowed', args: [local] };
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

/** Drops the names a region assigns (their narrowing would not hold after the assignment). */
export function stable(names: ReadonlyMap<string, string>, region: readonly ast.Stmt[]): Map<string, string> {
  if (names.size === 0) return new Map();
  const assigned = assignedNames(region);
  return new Map([...names].filter(([n]) => !assigned.has(n)));
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
