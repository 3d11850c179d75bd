/**
 * Facts about IR statements the Rust printer needs: which names a statement
 * mentions or reads (for declarations and unused-variable lints) and whether
 * a statement list can complete normally, as rustc sees the emitted code.
 */
import { targetNames, visitStmts } from '../analysis/ir-walk.js';
import type { TStmt } from '../analysis/types.js';

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
    case 'foreach':
      return !last.hasBreak && last.orelse.length > 0 && terminates(last.orelse);
    default:
      return false;
  }
}

/** Names a statement mentions (reads or assigns), at any depth. */
export function mentions(st: TStmt, out: Set<string>): void {
  visitStmts(
    [st],
    (e) => {
      if (e.kind === 'local') out.add(e.name);
    },
    (s) => {
      if (s.kind === 'assign' || s.kind === 'unpack') s.targets.forEach((t) => out.add(t));
      else if (s.kind === 'for') out.add(s.target);
      else if (s.kind === 'foreach') targetNames(s.target).forEach((n) => out.add(n));
      else if (s.kind === 'store') s.targets.flatMap(targetNames).forEach((n) => out.add(n));
    },
  );
}

/** Names read anywhere in the statements (for unused-variable lints). */
export function readsIn(stmts: TStmt[]): Set<string> {
  const out = new Set<string>();
  visitStmts(stmts, (e) => {
    if (e.kind === 'local') out.add(e.name);
  });
  return out;
}
