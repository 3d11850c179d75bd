/**
 * Walking the typed IR: the direct sub-expressions of an expression, and
 * the expressions a statement evaluates itself (not those of nested
 * statements). Every pass over the IR (call graph, names mentioned, names
 * read) is built from these two, so a new node kind is taught here once.
 */
import type { Target, TExpr, TStmt, VoidCallExpr } from './types.js';

export type AnyExpr = TExpr | VoidCallExpr;

/** The operands of `e`, in evaluation order. */
export function subExpressions(e: AnyExpr): readonly TExpr[] {
  switch (e.kind) {
    case 'convert':
    case 'truth':
    case 'unary':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'compare':
      return e.operands;
    case 'boolop':
      return e.values;
    case 'ifexp':
      return [e.test, e.body, e.orelse];
    case 'call':
    case 'builtin':
      return e.args;
    case 'some':
      return [e.operand];
    case 'display':
      return e.elts;
    case 'dictDisplay':
      return e.keys.flatMap((k, i) => [k, e.values[i]!]);
    case 'index':
      return [e.value, e.index];
    case 'slice':
      return [e.value, ...[e.lower, e.upper, e.step].filter((x): x is TExpr => x !== null)];
    case 'method':
      return [e.recv, ...e.args.filter((x): x is TExpr => x !== null)];
    case 'op':
      return e.args.filter((x): x is TExpr => x !== null);
    case 'comp':
      return [
        ...e.clauses.flatMap((c) => [c.iter, ...c.ifs, ...targetExpressions(c.target)]),
        e.elt,
        ...(e.value ? [e.value] : []),
      ];
    case 'fstring':
      return e.parts.flatMap((p) => ('value' in p ? [p.value, ...(p.spec ? [p.spec] : [])] : []));
    case 'lambda':
      return [e.body];
    case 'callValue':
      return [e.callee, ...e.args];
    default:
      return [];
  }
}

/** The expressions a target evaluates (containers and indices of subscripts). */
export function targetExpressions(t: Target): TExpr[] {
  switch (t.kind) {
    case 'name':
      return [];
    case 'item':
      return [t.container, t.index];
    case 'slice':
      return [t.container, ...[t.lower, t.upper, t.step].filter((x): x is TExpr => x !== null)];
    case 'unpack':
      return t.elts.flatMap(targetExpressions);
  }
}

/** The names a target binds. */
export function targetNames(t: Target): string[] {
  switch (t.kind) {
    case 'name':
      return [t.name];
    case 'unpack':
      return t.elts.flatMap(targetNames);
    default:
      return [];
  }
}

/** `e` and every expression inside it, outermost first. */
export function visitExpr(e: AnyExpr | null, visit: (e: AnyExpr) => void): void {
  if (e === null) return;
  visit(e);
  for (const sub of subExpressions(e)) visitExpr(sub, visit);
}

/** The expressions a statement evaluates itself, in order; nested statements are not included. */
export function ownExpressions(st: TStmt): (AnyExpr | null)[] {
  switch (st.kind) {
    case 'assign':
    case 'expr':
    case 'return':
      return [st.value];
    case 'unpack':
      return st.value.kind === 'tuple' ? st.value.elts : [st.value.left, st.value.right];
    case 'if':
    case 'while':
      return [st.test];
    case 'for':
      return [st.start, st.stop, st.step];
    case 'print':
      return st.args.flatMap((a) => (a.kind === 'value' ? [a.value] : []));
    case 'exit':
      return [st.status];
    case 'foreach':
      return [st.iter, ...targetExpressions(st.target)];
    case 'store':
      return [st.value, ...st.targets.flatMap(targetExpressions)];
    case 'setitem':
      return [st.container, st.index, st.value];
    case 'delitem':
      return targetExpressions(st.target);
    default:
      return [];
  }
}

/** The statement lists nested in `st` (bodies and else-branches). */
export function nestedBlocks(st: TStmt): TStmt[][] {
  switch (st.kind) {
    case 'if':
    case 'while':
    case 'for':
    case 'foreach':
      return [st.body, st.orelse];
    default:
      return [];
  }
}

/** Calls `onStmt` for every statement (outermost first) and `onExpr` for every expression, at any depth. */
export function visitStmts(stmts: readonly TStmt[], onExpr: (e: AnyExpr) => void, onStmt?: (st: TStmt) => void): void {
  for (const st of stmts) {
    onStmt?.(st);
    for (const e of ownExpressions(st)) visitExpr(e, onExpr);
    for (const block of nestedBlocks(st)) visitStmts(block, onExpr, onStmt);
  }
}
