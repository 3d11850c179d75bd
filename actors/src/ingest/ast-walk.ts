/**
 * Visits the expressions of one statement in source order, telling the
 * visitor whether each sits where a value is stored (assignment and loop
 * targets) or read. Nested statement bodies are not entered; callers recurse
 * into `body`/`orelse` themselves, since what a body means depends on the
 * statement (a function body is a new scope, a loop body is inside a loop).
 */
import type * as ast from './ast.js';

export type ExprVisitor = (e: ast.Expr_, store: boolean) => void;

export function walkExpr(e: ast.Expr_, visit: ExprVisitor, store = false): void {
  visit(e, store);
  switch (e.type) {
    case 'BoolOp':
      for (const v of e.values) walkExpr(v, visit);
      break;
    case 'BinOp':
      walkExpr(e.left, visit);
      walkExpr(e.right, visit);
      break;
    case 'UnaryOp':
      walkExpr(e.operand, visit);
      break;
    case 'IfExp':
      walkExpr(e.test, visit);
      walkExpr(e.body, visit);
      walkExpr(e.orelse, visit);
      break;
    case 'Compare':
      walkExpr(e.left, visit);
      for (const c of e.comparators) walkExpr(c, visit);
      break;
    case 'Call':
      walkExpr(e.func, visit);
      for (const a of e.args) walkExpr(a, visit);
      for (const k of e.keywords) walkExpr(k.value, visit);
      break;
    case 'Attribute':
      walkExpr(e.value, visit);
      break;
    case 'Subscript':
      walkExpr(e.value, visit);
      walkExpr(e.slice, visit);
      break;
    case 'Tuple':
    case 'List':
      // Elements of a target tuple are targets too.
      for (const x of e.elts) walkExpr(x, visit, store);
      break;
    case 'Name':
    case 'Constant':
    case 'UnsupportedExpr':
      break;
  }
}

/** The expressions a statement holds directly (not those in nested bodies), in source order. */
export function walkStmtExprs(s: ast.Stmt, visit: ExprVisitor): void {
  switch (s.type) {
    case 'FunctionDef':
      for (const d of s.decorator_list) walkExpr(d, visit);
      for (const d of s.args.defaults) walkExpr(d, visit);
      for (const d of s.args.kw_defaults) if (d) walkExpr(d, visit);
      for (const a of [...s.args.posonlyargs, ...s.args.args, s.args.vararg, ...s.args.kwonlyargs, s.args.kwarg]) {
        if (a?.annotation) walkExpr(a.annotation, visit);
      }
      if (s.returns) walkExpr(s.returns, visit);
      break;
    case 'Return':
      if (s.value) walkExpr(s.value, visit);
      break;
    case 'Assign':
      walkExpr(s.value, visit);
      for (const t of s.targets) walkExpr(t, visit, true);
      break;
    case 'AugAssign':
      walkExpr(s.value, visit);
      walkExpr(s.target, visit, true);
      break;
    case 'AnnAssign':
      if (s.value) walkExpr(s.value, visit);
      walkExpr(s.annotation, visit);
      walkExpr(s.target, visit, true);
      break;
    case 'For':
      walkExpr(s.iter, visit);
      walkExpr(s.target, visit, true);
      break;
    case 'While':
    case 'If':
      walkExpr(s.test, visit);
      break;
    case 'Expr':
      walkExpr(s.value, visit);
      break;
    default:
      break;
  }
}

/** Nested statement lists of a compound statement that stay in the same scope. */
export function childBodies(s: ast.Stmt): ast.Stmt[][] {
  switch (s.type) {
    case 'For':
    case 'While':
    case 'If':
      return [s.body, s.orelse];
    default:
      return [];
  }
}

/** Calls `visit` on every statement of `body` and of the compound statements nested in it (same scope), outermost first. */
export function forEachStatement(body: readonly ast.Stmt[], visit: (s: ast.Stmt) => void): void {
  for (const s of body) {
    visit(s);
    for (const nested of childBodies(s)) forEachStatement(nested, visit);
  }
}
