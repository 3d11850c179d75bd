/**
 * The errors CPython raises after parsing, while building the symbol table
 * and compiling, for programs tree-sitter (and `ast.parse`) accept:
 *
 *   future imports  `from __future__ import x` not at the top, unknown features
 *   symbol table    `nonlocal` at module level or without a binding, a name
 *                   that is a parameter and global, used or assigned before its
 *                   `global` declaration, `import *` inside a function
 *   compiler        `return`/`yield`/`await` outside a function, `break` /
 *                   `continue` outside a loop, `await`/`async for` outside an
 *                   async function
 *
 * CPython runs these passes in that order and stops at the first error, so
 * this returns the first error of the first pass that has one.
 */
import type * as ast from './ast.js';
import { childBodies, type ExprVisitor, walkExpr, walkStmtExprs } from './ast-walk.js';
import type { SyntaxErrorInfo } from './convert-context.js';
import { checkMatch } from './check-match.js';

const FUTURE_FEATURES = new Set([
  'nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement',
  'print_function', 'unicode_literals', 'barry_as_FLUFL', 'generator_stop', 'annotations',
]);

function at(node: { range: ast.Stmt['range'] }, message: string): SyntaxErrorInfo {
  return { message, start: node.range.start.offset, end: node.range.end.offset };
}

export function checkScopes(module: ast.Module): SyntaxErrorInfo | null {
  return checkFuture(module) ?? checkSymbols(module) ?? checkCompile(module);
}

// ── from __future__ ──────────────────────────────────────────────────────

function checkFuture(module: ast.Module): SyntaxErrorInfo | null {
  let prologue = true;
  let first = true;
  const visit = (stmts: readonly ast.Stmt[], top: boolean): SyntaxErrorInfo | null => {
    for (const s of stmts) {
      if (s.type === 'ImportFrom' && s.module === '__future__' && s.level === 0) {
        if (!top || !prologue) return at(s, 'from __future__ imports must occur at the beginning of the file');
        for (const a of s.names) {
          if (a.name === 'braces') return at(s, 'not a chance');
          if (!FUTURE_FEATURES.has(a.name)) return at(s, `future feature ${a.name} is not defined`);
        }
      } else if (top && first && s.type === 'Expr' && s.value.type === 'Constant' && s.value.kind === 'str') {
        // The module docstring may precede future imports.
      } else if (top) {
        prologue = false;
      }
      if (top) first = false;
      if (s.type === 'FunctionDef') {
        const e = visit(s.body, false);
        if (e) return e;
      }
      for (const body of childBodies(s)) {
        const e = visit(body, false);
        if (e) return e;
      }
    }
    return null;
  };
  return visit(module.body, true);
}

// ── symbol table ─────────────────────────────────────────────────────────

interface Scope {
  readonly kind: 'module' | 'function' | 'class';
  readonly parent: Scope | null;
  /** Flags per name, like CPython's symtable: parameter, assigned, used, annotated, global, nonlocal. */
  readonly symbols: Map<string, Set<'param' | 'local' | 'use' | 'annot' | 'global' | 'nonlocal'>>;
  readonly nonlocals: { name: string; stmt: ast.Nonlocal }[];
  /** Whether the scope holds constructs whose bindings this AST cannot see. */
  opaque: boolean;
}

function flag(scope: Scope, name: string, f: 'param' | 'local' | 'use' | 'annot' | 'global' | 'nonlocal'): void {
  let set = scope.symbols.get(name);
  if (set === undefined) scope.symbols.set(name, (set = new Set()));
  set.add(f);
}

function newScope(kind: Scope['kind'], parent: Scope | null): Scope {
  return { kind, parent, symbols: new Map(), nonlocals: [], opaque: false };
}

function checkSymbols(module: ast.Module): SyntaxErrorInfo | null {
  const scopes: Scope[] = [];
  let error: SyntaxErrorInfo | null = null;

  // Lambdas and comprehensions are scopes of their own: only a lambda's
  // defaults, a comprehension's first iterable and its walrus targets touch
  // the enclosing scope's names.
  const visitor = (scope: Scope): ExprVisitor => {
    const visit: ExprVisitor = (e, store) => {
      if (e.type === 'Name') flag(scope, e.id, store ? 'local' : 'use');
      else if (e.type === 'UnsupportedExpr' && !e.modelled) scope.opaque = true;
      else if (e.type === 'Lambda') {
        for (const d of [...e.args.defaults, ...e.args.kw_defaults]) if (d) walkExpr(d, visit);
        return 'skip';
      } else if (isComprehension(e)) {
        const first = e.generators[0];
        if (first) walkExpr(first.iter, visit);
        const iterationNames = new Set<string>();
        for (const g of e.generators) walkExpr(g.target, (t) => void (t.type === 'Name' && iterationNames.add(t.id)));
        walkComprehensionScope(e, (inner) => {
          if (inner.type !== 'NamedExpr') return;
          if (iterationNames.has(inner.target.id)) {
            error ??= at(inner, `assignment expression cannot rebind comprehension iteration variable '${inner.target.id}'`);
          }
          // At module level the name becomes a global (CPython's DEF_GLOBAL), which a later `global` allows.
          flag(scope, inner.target.id, scope.kind === 'module' ? 'global' : 'local');
        });
        return 'skip';
      }
      return undefined;
    };
    return visit;
  };
  const visitExprs = (scope: Scope, s: ast.Stmt): void => walkStmtExprs(s, visitor(scope));

  const declare = (scope: Scope, s: ast.Global | ast.Nonlocal): void => {
    const kind = s.type === 'Global' ? 'global' : 'nonlocal';
    if (kind === 'nonlocal' && scope.kind === 'module') {
      error ??= at(s, 'nonlocal declaration not allowed at module level');
      return;
    }
    for (const name of s.names) {
      const flags = scope.symbols.get(name);
      const other = kind === 'global' ? 'nonlocal' : 'global';
      if (flags?.has(other)) error ??= at(s, `name '${name}' is nonlocal and global`);
      else if (flags?.has('param')) error ??= at(s, `name '${name}' is parameter and ${kind}`);
      else if (flags?.has('use')) error ??= at(s, `name '${name}' is used prior to ${kind} declaration`);
      else if (flags?.has('annot')) error ??= at(s, `annotated name '${name}' can't be ${kind}`);
      else if (flags?.has('local')) error ??= at(s, `name '${name}' is assigned to before ${kind} declaration`);
      flag(scope, name, kind);
      if (s.type === 'Nonlocal') scope.nonlocals.push({ name, stmt: s });
    }
  };

  const visit = (scope: Scope, stmts: readonly ast.Stmt[]): void => {
    for (const s of stmts) {
      switch (s.type) {
        case 'FunctionDef': {
          visitExprs(scope, s);
          flag(scope, s.name, 'local');
          const inner = newScope('function', scope);
          scopes.push(inner);
          const a = s.args;
          for (const arg of [...a.posonlyargs, ...a.args, a.vararg, ...a.kwonlyargs, a.kwarg]) if (arg) flag(inner, arg.arg, 'param');
          visit(inner, s.body);
          break;
        }
        case 'Global':
        case 'Nonlocal':
          declare(scope, s);
          break;
        case 'Import':
        case 'ImportFrom':
          for (const alias of s.names) {
            if (alias.name === '*') {
              if (scope.kind !== 'module') error ??= at(alias, 'import * only allowed at module level');
            } else {
              flag(scope, alias.asname ?? alias.name.split('.')[0]!, 'local');
            }
          }
          break;
        case 'AnnAssign':
          visitExprs(scope, s);
          if (s.target.type === 'Name') flag(scope, s.target.id, 'annot');
          break;
        case 'UnsupportedStmt':
          if (s.modelled) visitModelled(scope, s.modelled);
          else scope.opaque = true;
          break;
        default:
          visitExprs(scope, s);
          for (const body of childBodies(s)) visit(scope, body);
      }
    }
  };

  // raise, assert, try, with and class, converted ahead of analysis (ast.ts).
  const visitModelled = (scope: Scope, s: ast.ModelledStmt): void => {
    const walk = (e: ast.Expr_ | null, store = false): void => {
      if (e) walkExpr(e, visitor(scope), store);
    };
    switch (s.type) {
      case 'Raise':
        walk(s.exc);
        walk(s.cause);
        break;
      case 'Assert':
        walk(s.test);
        walk(s.msg);
        break;
      case 'Try':
      case 'TryStar':
        visit(scope, s.body);
        for (const h of s.handlers) {
          walk(h.exc_type);
          if (h.name !== null) flag(scope, h.name, 'local');
          visit(scope, h.body);
        }
        visit(scope, s.orelse);
        visit(scope, s.finalbody);
        break;
      case 'With':
        for (const item of s.items) {
          walk(item.context_expr);
          walk(item.optional_vars, true);
        }
        visit(scope, s.body);
        break;
      case 'Match':
        walk(s.subject);
        for (const c of s.cases) {
          forEachPattern(c.pattern, (p) => {
            if (p.type === 'MatchValue') walk(p.value);
            else if (p.type === 'MatchClass') walk(p.cls);
            const bound = p.type === 'MatchAs' || p.type === 'MatchStar' ? p.name : p.type === 'MatchMapping' ? p.rest : null;
            if (bound !== null) flag(scope, bound, 'local');
          });
          walk(c.guard);
          visit(scope, c.body);
        }
        break;
      case 'ClassDef': {
        for (const e of [...s.decorator_list, ...s.bases, ...s.keywords.map((k) => k.value)]) walk(e);
        flag(scope, s.name, 'local');
        const inner = newScope('class', scope);
        scopes.push(inner);
        visit(inner, s.body);
        break;
      }
    }
  };

  const root = newScope('module', null);
  visit(root, module.body);
  if (error) return error;

  // Analysis: every nonlocal name must be bound in an enclosing function.
  for (const scope of scopes) {
    for (const { name, stmt } of scope.nonlocals) {
      if (!hasEnclosingBinding(scope, name)) return at(stmt, `no binding for nonlocal '${name}' found`);
    }
  }
  return null;
}

function hasEnclosingBinding(scope: Scope, name: string): boolean {
  // Class scopes are skipped: their names are not visible to nested functions.
  for (let s = scope.parent; s !== null && s.kind !== 'module'; s = s.parent) {
    if (s.kind === 'class') continue;
    if (s.opaque) return true; // bindings we cannot see; do not guess an error
    const flags = s.symbols.get(name);
    if (flags === undefined) continue;
    if (flags.has('global')) return false;
    if (flags.has('nonlocal')) return hasEnclosingBinding(s, name);
    if (flags.has('param') || flags.has('local') || flags.has('annot')) return true;
  }
  return false;
}

// ── compiler ─────────────────────────────────────────────────────────────

interface Where {
  readonly inFunction: boolean;
  readonly isAsync: boolean;
  readonly inLoop: boolean;
}

function checkCompile(module: ast.Module): SyntaxErrorInfo | null {
  const exprErrors = (s: ast.Stmt, where: Where): SyntaxErrorInfo | null => {
    let found: SyntaxErrorInfo | null = null;
    const visitor = (w: Where, comprehension: string | null): ExprVisitor => {
      const visit: ExprVisitor = (e) => {
        if (found) return 'skip';
        if (e.type === 'Lambda') {
          for (const d of [...e.args.defaults, ...e.args.kw_defaults]) if (d) walkExpr(d, visit);
          walkExpr(e.body, visitor({ inFunction: true, isAsync: false, inLoop: false }, null));
          return 'skip';
        }
        if (isComprehension(e) || (e.type === 'UnsupportedExpr' && e.detail === 'async comprehension')) {
          const generator = e.type === 'GeneratorExp' || (e.type === 'UnsupportedExpr' && e.node === 'GeneratorExp');
          if (!generator && !w.isAsync && isAsyncComprehension(e)) {
            found = at(e, 'asynchronous comprehension outside of an asynchronous function');
            return 'skip';
          }
          if (e.type === 'UnsupportedExpr') return 'skip';
          const first = e.generators[0];
          if (first) walkExpr(first.iter, visit);
          walkComprehensionScope(e, () => undefined, visitor(w, COMPREHENSION_NAMES[e.type]!));
          return 'skip';
        }
        if (e.type !== 'UnsupportedExpr') return undefined;
        if ((e.node === 'Yield' || e.node === 'YieldFrom') && comprehension !== null) found = at(e, `'yield' inside ${comprehension}`);
        else if ((e.node === 'Yield' || e.node === 'YieldFrom') && !w.inFunction) found = at(e, "'yield' outside function");
        else if (e.node === 'Await' && !w.inFunction) found = at(e, "'await' outside function");
        else if (e.node === 'Await' && !w.isAsync) found = at(e, "'await' outside async function");
        return undefined;
      };
      return visit;
    };
    walkStmtExprs(s, visitor(where, null));
    return found;
  };

  const visit = (stmts: readonly ast.Stmt[], where: Where): SyntaxErrorInfo | null => {
    for (const s of stmts) {
      let e: SyntaxErrorInfo | null = null;
      switch (s.type) {
        case 'Return':
          if (!where.inFunction) return at(s, "'return' outside function");
          break;
        case 'Break':
          if (!where.inLoop) return at(s, "'break' outside loop");
          break;
        case 'Continue':
          if (!where.inLoop) return at(s, "'continue' not properly in loop");
          break;
        case 'UnsupportedStmt':
          if (s.node === 'AsyncWith' && !where.isAsync) return at(s, "'async with' outside async function");
          if (s.modelled) {
            e = compileModelled(s.modelled, where);
            if (e) return e;
          }
          break;
        default:
          break;
      }
      e = exprErrors(s, where);
      if (e) return e;
      if (s.type === 'FunctionDef') {
        e = visit(s.body, { inFunction: true, isAsync: s.is_async, inLoop: false });
      } else if (s.type === 'For' || s.type === 'While') {
        if (s.type === 'For' && s.is_async && !where.isAsync) {
          return at(s, "'async for' outside async function");
        }
        e = visit(s.body, { ...where, inLoop: true }) ?? visit(s.orelse, where);
      } else if (s.type === 'If') {
        e = visit(s.body, where) ?? visit(s.orelse, where);
      }
      if (e) return e;
    }
    return null;
  };
  const compileModelled = (s: ast.ModelledStmt, where: Where): SyntaxErrorInfo | null => {
    const exprs = (es: (ast.Expr_ | null)[]): SyntaxErrorInfo | null => {
      for (const e of es) {
        if (e === null) continue;
        const found = exprErrors({ type: 'Expr', value: e, range: e.range }, where);
        if (found) return found;
      }
      return null;
    };
    switch (s.type) {
      case 'Raise':
        return exprs([s.exc, s.cause]);
      case 'Assert':
        return exprs([s.test, s.msg]);
      case 'Try':
      case 'TryStar': {
        const first = visit(s.body, where);
        if (first) return first;
        for (const h of s.handlers) {
          const e = exprs([h.exc_type]) ?? visit(h.body, where);
          if (e) return e;
        }
        return visit(s.orelse, where) ?? visit(s.finalbody, where);
      }
      case 'With':
        return exprs(s.items.flatMap((i) => [i.context_expr, i.optional_vars])) ?? visit(s.body, where);
      case 'ClassDef':
        return exprs([...s.decorator_list, ...s.bases, ...s.keywords.map((k) => k.value)]) ?? visit(s.body, { inFunction: false, isAsync: false, inLoop: false });
      case 'Match': {
        const first = exprs([s.subject]) ?? checkMatch(s);
        if (first) return first;
        for (const c of s.cases) {
          const e = exprs([c.guard]) ?? visit(c.body, where);
          if (e) return e;
        }
        return null;
      }
    }
  };
  return visit(module.body, { inFunction: false, isAsync: false, inLoop: false });
}

/** Calls `visit` on a pattern and every pattern inside it. */
function forEachPattern(p: ast.Pattern, visit: (p: ast.Pattern) => void): void {
  visit(p);
  switch (p.type) {
    case 'MatchSequence':
    case 'MatchOr':
      for (const q of p.patterns) forEachPattern(q, visit);
      break;
    case 'MatchMapping':
      for (const q of p.patterns) forEachPattern(q, visit);
      break;
    case 'MatchClass':
      for (const q of [...p.patterns, ...p.kwd_patterns]) forEachPattern(q, visit);
      break;
    case 'MatchAs':
      if (p.pattern) forEachPattern(p.pattern, visit);
      break;
    default:
      break;
  }
}

// ── lambdas and comprehensions ───────────────────────────────────────────

type Comprehension = ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp;

const COMPREHENSION_NAMES: Readonly<Record<string, string>> = {
  ListComp: 'list comprehension',
  SetComp: 'set comprehension',
  DictComp: 'dict comprehension',
  GeneratorExp: 'generator expression',
};

function isComprehension(e: ast.Expr_): e is Comprehension {
  return e.type === 'ListComp' || e.type === 'SetComp' || e.type === 'DictComp' || e.type === 'GeneratorExp';
}

/**
 * Visits what a comprehension evaluates in its own scope: its element(s),
 * conditions, targets and every iterable but the first; nested
 * comprehensions too (their walrus targets bind outside), lambdas not.
 * `each` sees every node; `visit`, when given, walks the top-level parts.
 */
function walkComprehensionScope(e: Comprehension, each: (e: ast.Expr_) => void, visit?: ExprVisitor): void {
  const parts: ast.Expr_[] = e.type === 'DictComp' ? [e.key, e.value] : [e.elt];
  e.generators.forEach((g, i) => {
    if (i > 0) parts.push(g.iter);
    parts.push(...g.ifs);
  });
  const walker: ExprVisitor = (x) => {
    each(x);
    return x.type === 'Lambda' ? 'skip' : undefined;
  };
  for (const p of parts) {
    walkExpr(p, walker);
    if (visit) walkExpr(p, visit);
  }
}

/** Whether a comprehension awaits: `async for`, `await` in it, or an async comprehension (not a generator) inside it. */
function isAsyncComprehension(e: ast.Expr_): boolean {
  if (e.type === 'UnsupportedExpr') return e.detail === 'async comprehension';
  if (!isComprehension(e)) return false;
  let found = false;
  walkComprehensionScope(e, (x) => {
    if (x === e) return;
    if (x.type === 'UnsupportedExpr' && x.node === 'Await') found = true;
    else if (x.type !== 'GeneratorExp' && !(x.type === 'UnsupportedExpr' && x.node === 'GeneratorExp') && isAsyncComprehension(x)) found = true;
  });
  return found;
}
