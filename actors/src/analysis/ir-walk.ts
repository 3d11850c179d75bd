/**
 * Walking the typed IR: the direct sub-expressions of an expression, and
 * the expressions a statement evaluates itself (not those of nested
 * statements). Every pass over the IR (call graph, names mentioned, names
 * read) is built from these two, so a new node kind is taught here once.
 */
import type { TExpr, TStmt, VoidCallExpr } from './types.js';

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
