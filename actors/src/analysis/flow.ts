/**
 * Control flow of one function body: which locals are definitely assigned
 * where (reads of possibly-unassigned locals are PTL3009), whether the end of
 * the body is reachable (PTL3007 for a function that must return a value),
 * which statements can never run (dropped from the IR), and which locals are
 * assigned while they may already hold a value (Rust needs `mut`).
 *
 * The analysis works on the same graph rustc's initialisation check sees in
 * the generated code: both branches of every `if` may run, loop bodies may
 * run zero times, and only `while True:` (emitted as `loop`) never exits but
 * through `break`. So whatever this accepts, rustc accepts, and `mut` is
 * emitted exactly where rustc wants it.
 */
import type * as ast from '../ingest/ast.js';
import { forEachStatement } from '../ingest/ast-walk.js';
import type { SourceRange } from '../diagnostics/diagnostic.js';

export interface FlowInfo {
  /** First possibly-unassigned read of each local, in source order. */
  readonly unassigned: { readonly name: string; readonly range: SourceRange }[];
  readonly endReachable: boolean;
  /** Locals (and parameters) assigned where they may already be assigned. */
  readonly mutable: Set<string>;
  /** Statements that can never run. */
  readonly dead: Set<ast.Stmt>;
}

interface State {
  readonly must: Set<string>;
  readonly may: Set<string>;
}

interface LoopExits {
  readonly breaks: State[];
  readonly continues: State[];
}

/** `while True:` / `while 1:`: emitted as `loop`, never exits through its test. */
export function isAlwaysTrue(test: ast.Expr_): boolean {
  return test.type === 'Constant' && ((test.kind === 'bool' && test.value) || (test.kind === 'int' && test.value !== 0n));
}

/** Calls `visit` for every Name in an expression, in source order. */
export function forEachName(e: ast.Expr_, visit: (name: ast.Name) => void): void {
  switch (e.type) {
    case 'Name':
      visit(e);
      return;
    case 'BoolOp':
      e.values.forEach((v) => forEachName(v, visit));
      return;
    case 'BinOp':
      forEachName(e.left, visit);
      forEachName(e.right, visit);
      return;
    case 'UnaryOp':
      forEachName(e.operand, visit);
      return;
    case 'IfExp':
      forEachName(e.test, visit);
      forEachName(e.body, visit);
      forEachName(e.orelse, visit);
      return;
    case 'Compare':
      forEachName(e.left, visit);
      e.comparators.forEach((c) => forEachName(c, visit));
      return;
    case 'Call':
      forEachName(e.func, visit);
      e.args.forEach((a) => forEachName(a, visit));
      e.keywords.forEach((k) => forEachName(k.value, visit));
      return;
    case 'Attribute':
      forEachName(e.value, visit);
      return;
    case 'Subscript':
      forEachName(e.value, visit);
      forEachName(e.slice, visit);
      return;
    case 'Tuple':
    case 'List':
    case 'Set':
      e.elts.forEach((x) => forEachName(x, visit));
      return;
    case 'Dict':
      e.keys.forEach((k, i) => {
        if (k) forEachName(k, visit);
        forEachName(e.values[i]!, visit);
      });
      return;
    case 'Slice':
      for (const x of [e.lower, e.upper, e.step]) if (x) forEachName(x, visit);
      return;
    case 'Starred':
      forEachName(e.value, visit);
      return;
    case 'NamedExpr':
      forEachName(e.value, visit);
      return;
    case 'JoinedStr':
      e.values.forEach((v) => forEachName(v, visit));
      return;
    case 'FormattedValue':
      forEachName(e.value, visit);
      if (e.format_spec) forEachName(e.format_spec, visit);
      return;
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp': {
      // The comprehension's own variables are not the function's locals.
      const own = new Set<string>();
      const outer = (n: ast.Name): void => {
        if (!own.has(n.id)) visit(n);
      };
      e.generators.forEach((g, i) => {
        // The first iterable is evaluated in the enclosing scope.
        forEachName(g.iter, i === 0 ? visit : outer);
        targetNames(g.target).forEach((n) => own.add(n.id));
        g.ifs.forEach((c) => forEachName(c, outer));
      });
      if (e.type === 'DictComp') {
        forEachName(e.key, outer);
        forEachName(e.value, outer);
      } else {
        forEachName(e.elt, outer);
      }
      return;
    }
    case 'Lambda': {
      const params = new Set([...e.args.posonlyargs, ...e.args.args, ...e.args.kwonlyargs, e.args.vararg, e.args.kwarg].flatMap((a) => (a ? [a.arg] : [])));
      e.args.defaults.forEach((d) => forEachName(d, visit));
      e.args.kw_defaults.forEach((d) => d && forEachName(d, visit));
      forEachName(e.body, (n) => {
        if (!params.has(n.id)) visit(n);
      });
      return;
    }
    case 'Constant':
    case 'UnsupportedExpr':
      return;
  }
}

/** Names read by an assignment target: the containers and indices of subscripts in it. */
export function forEachTargetRead(t: ast.Expr_, visit: (name: ast.Name) => void): void {
  if (t.type === 'Subscript') forEachName(t, visit);
  else if (t.type === 'Tuple' || t.type === 'List') t.elts.forEach((x) => forEachTargetRead(x, visit));
  else if (t.type === 'Starred') forEachTargetRead(t.value, visit);
  else if (t.type === 'Attribute') forEachName(t.value, visit);
}

/** The plain names an assignment target binds (`x`, `a, b`, `[a, b]`). */
export function targetNames(target: ast.Expr_): ast.Name[] {
  if (target.type === 'Name') return [target];
  if (target.type === 'Tuple' || target.type === 'List') return target.elts.flatMap(targetNames);
  if (target.type === 'Starred') return targetNames(target.value);
  return [];
}

function copy(s: State): State {
  return { must: new Set(s.must), may: new Set(s.may) };
}

/** Where control merges: assigned on every incoming path (must), on some (may). */
function join(states: (State | null)[]): State | null {
  const live = states.filter((s): s is State => s !== null);
  if (live.length === 0) return null;
  const must = new Set([...live[0]!.must].filter((n) => live.every((s) => s.must.has(n))));
  const may = new Set(live.flatMap((s) => [...s.may]));
  return { must, may };
}

export function analyzeFlow(body: ast.Stmt[], params: readonly string[], locals: ReadonlySet<string>): FlowInfo {
  const unassignedByName = new Map<string, SourceRange>();
  const mutable = new Set<string>();
  const dead = new Set<ast.Stmt>();

  const read = (e: ast.Expr_ | null, s: State): void => {
    if (e === null) return;
    forEachName(e, (n) => {
      if (locals.has(n.id) && !s.must.has(n.id) && !unassignedByName.has(n.id)) unassignedByName.set(n.id, n.range);
    });
  };
  const assign = (name: string, s: State): void => {
    if (!locals.has(name)) return;
    if (s.may.has(name)) mutable.add(name);
    s.must.add(name);
    s.may.add(name);
  };
  const markDead = (stmts: ast.Stmt[]): void => {
    for (const st of stmts) dead.add(st);
  };

  const block = (stmts: ast.Stmt[], entry: State | null, loop: LoopExits | null): State | null => {
    let s = entry;
    for (const st of stmts) {
      if (s === null) {
        dead.add(st);
        continue;
      }
      s = statement(st, s, loop);
    }
    return s;
  };

  /** Runs a loop body to a fixed point of the may-sets (must-sets cannot change around a loop). */
  const loopBody = (head: State, runBody: (start: State, exits: LoopExits) => State | null): { head: State; exits: LoopExits } => {
    let current = head;
    for (;;) {
      const exits: LoopExits = { breaks: [], continues: [] };
      const end = runBody(copy(current), exits);
      const back = join([current, end, ...exits.continues])!;
      const grown = [...back.may].some((n) => !current.may.has(n));
      if (!grown) return { head: current, exits };
      current = { must: current.must, may: back.may };
    }
  };

  const statement = (st: ast.Stmt, s: State, loop: LoopExits | null): State | null => {
    switch (st.type) {
      case 'Expr':
        read(st.value, s);
        return s;
      case 'Assign':
        read(st.value, s);
        for (const t of st.targets) {
          forEachTargetRead(t, (n) => read(n, s));
          for (const n of targetNames(t)) assign(n.id, s);
        }
        return s;
      case 'Delete':
        for (const t of st.targets) read(t, s);
        return s;
      case 'AugAssign':
        read(st.target, s);
        read(st.value, s);
        for (const n of targetNames(st.target)) assign(n.id, s);
        return s;
      case 'AnnAssign':
        if (st.value === null) return s;
        read(st.value, s);
        forEachTargetRead(st.target, (n) => read(n, s));
        for (const n of targetNames(st.target)) assign(n.id, s);
        return s;
      case 'Return':
        read(st.value, s);
        return null;
      case 'Break':
        loop?.breaks.push(copy(s));
        return null;
      case 'Continue':
        loop?.continues.push(copy(s));
        return null;
      case 'If': {
        read(st.test, s);
        const a = block(st.body, copy(s), loop);
        const b = block(st.orelse, copy(s), loop);
        return join([a, b]);
      }
      case 'While': {
        const infinite = isAlwaysTrue(st.test);
        read(st.test, s);
        const { head, exits } = loopBody(s, (start, ex) => block(st.body, start, ex));
        if (infinite) {
          markDead(st.orelse);
          return join(exits.breaks);
        }
        const afterElse = block(st.orelse, copy(head), loop);
        return join([afterElse, ...exits.breaks]);
      }
      case 'For': {
        read(st.iter, s);
        const targets = targetNames(st.target);
        const { head, exits } = loopBody(s, (start, ex) => {
          for (const n of targets) assign(n.id, start);
          return block(st.body, start, ex);
        });
        const afterElse = block(st.orelse, copy(head), loop);
        return join([afterElse, ...exits.breaks]);
      }
      default:
        // Imports, nested defs, unsupported statements: refused elsewhere.
        return s;
    }
  };

  const start: State = { must: new Set(params), may: new Set(params) };
  const end = block(body, start, null);
  const unassigned = [...unassignedByName].map(([name, range]) => ({ name, range })).sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { unassigned, endReachable: end !== null, mutable, dead };
}

/**
 * For-loop targets that can be a fresh Rust binding per loop (`for i in 0..n`):
 * the name is only ever used inside the bodies of loops that target it, no
 * such loop is nested in another, and it is not a parameter.
 */
export function loopScopedTargets(body: ast.Stmt[], params: readonly string[]): Set<string> {
  const loops = new Map<string, ast.For[]>();
  const uses = new Map<string, ast.Name[]>();
  const use = (n: ast.Name): void => {
    const list = uses.get(n.id) ?? [];
    list.push(n);
    uses.set(n.id, list);
  };
  forEachStatement(body, (st) => {
    switch (st.type) {
      case 'For':
        if (st.target.type === 'Name') {
          const list = loops.get(st.target.id) ?? [];
          list.push(st);
          loops.set(st.target.id, list);
        } else {
          targetNames(st.target).forEach(use);
        }
        forEachName(st.iter, use);
        break;
      case 'While':
      case 'If':
        forEachName(st.test, use);
        break;
      case 'Assign':
        st.targets.forEach((t) => forEachName(t, use));
        forEachName(st.value, use);
        break;
      case 'AugAssign':
        forEachName(st.target, use);
        forEachName(st.value, use);
        break;
      case 'AnnAssign':
        forEachName(st.target, use);
        if (st.value) forEachName(st.value, use);
        break;
      case 'Expr':
        forEachName(st.value, use);
        break;
      case 'Return':
        if (st.value) forEachName(st.value, use);
        break;
      case 'Delete':
        st.targets.forEach((t) => forEachName(t, use));
        break;
      default:
        break;
    }
  });
  const bodyRange = (f: ast.For): [number, number] => [f.body[0]?.range.start.offset ?? f.range.end.offset, f.body[f.body.length - 1]?.range.end.offset ?? f.range.end.offset];
  const result = new Set<string>();
  for (const [name, fors] of loops) {
    if (params.includes(name)) continue;
    const ranges = fors.map(bodyRange);
    const nested = ranges.some(([s, e], i) => ranges.some(([s2, e2], j) => i !== j && s2 >= s && e2 <= e));
    if (nested) continue;
    const inside = (uses.get(name) ?? []).every((n) => ranges.some(([s, e]) => n.range.start.offset >= s && n.range.end.offset <= e));
    if (inside) result.add(name);
  }
  return result;
}
