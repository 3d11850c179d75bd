/**
 * Visits the expressions of one statement in source order, telling the
 * visitor whether each sits where a value is stored (assignment and loop
 * targets) or read. Nested statement bodies are not entered; callers recurse
 * into `body`/`orelse` themselves, since what a body means depends on the
 * statement (a function body is a new scope, a loop body is inside a loop).
 */
import type * as ast from './ast.js';

/** Returning 'skip' leaves the expression's children unvisited (scope-check.ts treats lambdas and comprehensions apart). */
export type ExprVisitor = (e: ast.Expr_, store: boolean) => void | 'skip';

/**
 * Visits `e` and the expressions inside it, lambda bodies and comprehensions
 * included (they are scopes of their own: callers that care check the node
 * type). A comprehension's targets and a walrus's target are stores.
 */
export function walkExpr(e: ast.Expr_, visit: ExprVisitor, store = false): void {
  if (visit(e, store) === 'skip') return;
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
    case 'Starred':
      walkExpr(e.value, visit, store);
      break;
    case 'Dict':
      e.keys.forEach((k, i) => {
        if (k) walkExpr(k, visit);
        walkExpr(e.values[i]!, visit);
      });
      break;
    case 'Set':
      for (const x of e.elts) walkExpr(x, visit);
      break;
    case 'Slice':
      for (const x of [e.lower, e.upper, e.step]) if (x) walkExpr(x, visit);
      break;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      walkExpr(e.elt, visit);
      walkGenerators(e.generators, visit);
      break;
    case 'DictComp':
      walkExpr(e.key, visit);
      walkExpr(e.value, visit);
      walkGenerators(e.generators, visit);
      break;
    case 'Lambda':
      for (const d of e.args.defaults) walkExpr(d, visit);
      for (const d of e.args.kw_defaults) if (d) walkExpr(d, visit);
      walkExpr(e.body, visit);
      break;
    case 'JoinedStr':
      for (const v of e.values) walkExpr(v, visit);
      break;
    case 'FormattedValue':
      walkExpr(e.value, visit);
      if (e.format_spec) walkExpr(e.format_spec, visit);
      break;
    case 'NamedExpr':
      walkExpr(e.value, visit);
      walkExpr(e.target, visit, true);
      break;
    case 'UnsupportedExpr':
      // yield / await: their operand (ast.ts, UnsupportedExpr.modelled).
      if (e.modelled?.value) walkExpr(e.modelled.value, visit);
      break;
    case 'Name':
    case 'Constant':
      break;
  }
}

export function walkGenerators(generators: readonly ast.Comprehension[], visit: ExprVisitor): void {
  for (const g of generators) {
    walkExpr(g.iter, visit);
    walkExpr(g.target, visit, true);
    for (const c of g.ifs) walkExpr(c, visit);
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
    case 'Delete':
      // `del x` binds x in the scope (CPython's symbol table counts it as an assignment).
      for (const t of s.targets) walkExpr(t, visit, true);
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
