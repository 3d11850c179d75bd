/**
 * Facts about IR statements the Rust printer needs: which names a statement
 * mentions or reads (for declarations and unused-variable lints) and whether
 * a statement list can complete normally, as rustc sees the emitted code.
 */
import type { TExpr, TStmt, VoidCallExpr } from '../analysis/types.js';

/** Statements that never complete normally, as rustc sees the generated code. */
export function terminates(stmts: TStmt[]): boolean {
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  switch (last.kind) {
    case 'return':
    case 'break':
    case 'continue':
      return true;
    case 'if':
      return terminates(last.body) && terminates(last.orelse);
    case 'while':
      if (last.test === null) return !last.hasBreak;
      return !last.hasBreak && last.orelse.length > 0 && terminates(last.orelse);
    case 'for':
      return !last.hasBreak && last.orelse.length > 0 && terminates(last.orelse);
    default:
      return false;
  }
}

/** Names a statement mentions (reads or assigns), at any depth. */
export function mentions(st: TStmt, out: Set<string>): void {
  const expr = (e: TExpr | VoidCallExpr | null): void => {
    if (e === null) return;
    switch (e.kind) {
      case 'local':
        out.add(e.name);
        return;
      case 'convert':
      case 'truth':
      case 'unary':
        expr(e.operand);
        return;
      case 'binary':
        expr(e.left);
        expr(e.right);
        return;
      case 'compare':
        e.operands.forEach(expr);
        return;
      case 'boolop':
        e.values.forEach(expr);
        return;
      case 'ifexp':
        expr(e.test);
        expr(e.body);
        expr(e.orelse);
        return;
      case 'call':
      case 'builtin':
        e.args.forEach(expr);
        return;
      default:
        return;
    }
  };
  switch (st.kind) {
    case 'assign':
      st.targets.forEach((t) => out.add(t));
      expr(st.value);
      return;
    case 'unpack':
      st.targets.forEach((t) => out.add(t));
      if (st.value.kind === 'tuple') st.value.elts.forEach(expr);
      else {
        expr(st.value.left);
        expr(st.value.right);
      }
      return;
    case 'expr':
      expr(st.value);
      return;
    case 'return':
      expr(st.value);
      return;
    case 'if':
      expr(st.test);
      st.body.forEach((s) => mentions(s, out));
      st.orelse.forEach((s) => mentions(s, out));
      return;
    case 'while':
      expr(st.test);
      st.body.forEach((s) => mentions(s, out));
      st.orelse.forEach((s) => mentions(s, out));
      return;
    case 'for':
      out.add(st.target);
      expr(st.start);
      expr(st.stop);
      expr(st.step);
      st.body.forEach((s) => mentions(s, out));
      st.orelse.forEach((s) => mentions(s, out));
      return;
    default:
      return;
  }
}

/** Names read anywhere in the statements (for unused-variable lints). */
export function readsIn(stmts: TStmt[]): Set<string> {
  const out = new Set<string>();
  const expr = (e: TExpr | VoidCallExpr | null): void => {
    if (e === null) return;
    const tmp = new Set<string>();
    mentions({ kind: 'expr', value: e, line: 0 }, tmp);
    tmp.forEach((n) => out.add(n));
  };
  const walk = (list: TStmt[]): void => {
    for (const st of list) {
      switch (st.kind) {
        case 'assign':
          expr(st.value);
          break;
        case 'unpack':
          if (st.value.kind === 'tuple') st.value.elts.forEach(expr);
          else {
            expr(st.value.left);
            expr(st.value.right);
          }
          break;
        case 'expr':
        case 'return':
          expr(st.value);
          break;
        case 'if':
        case 'while':
          expr(st.test);
          walk(st.body);
          walk(st.orelse);
          break;
        case 'for':
          expr(st.start);
          expr(st.stop);
          expr(st.step);
          walk(st.body);
          walk(st.orelse);
          break;
        default:
          break;
      }
    }
  };
  walk(stmts);
  return out;
}
