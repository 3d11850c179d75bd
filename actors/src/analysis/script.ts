/**
 * Script mode (`portalis run`): splits a module's top level into the
 * definitions library mode already handles (functions, imports, constants)
 * and the code that runs (everything else, `if __name__ == "__main__":`
 * bodies included), which becomes the body of a generated entry function.
 *
 * A top-level name read by some function must be a module constant: bound
 * once, by a plain assignment at the top level. Reassigning it (which would
 * need global state) is refused naming the variable; top-level names no
 * function reads are simply locals of the entry function. Code that runs
 * before a `def` or constant it uses (directly or through the functions it
 * calls) would be a NameError in CPython and is refused too.
 */
import type * as ast from '../ingest/ast.js';
import { childBodies, walkStmtExprs } from '../ingest/ast-walk.js';
import { targetNames } from './flow.js';
import { isMainGuard } from './module.js';
import type { Report } from './report.js';
import { collectLocals } from './signatures.js';
import { nestedDefs } from './closures.js';

/** The Python name of the generated entry function (never a valid user call: CPython has no such name). */
export const ENTRY_FUNCTION = '__portalis_main__';

export interface ScriptSplit {
  /** What collectModule analyses, as in library mode (sys imports removed). */
  readonly definitions: ast.Stmt[];
  /** The entry function: the top-level code, in order. */
  readonly entry: ast.FunctionDef;
  /** Names bound to the sys module (`import sys`). */
  readonly sysModules: Set<string>;
  /** Module variables (module-vars.ts): top-level names functions read or declare `global` that change. */
  readonly variables: Map<string, ModuleVariable>;
}

export interface ModuleVariable {
  readonly name: string;
  /** The first top-level statement binding it (in source order). */
  readonly first: ast.Stmt;
  /** Its annotation at the top level, if any. */
  readonly annotation: ast.Expr_ | null;
  /** The value of the first binding when it is a plain `name = value`. */
  readonly value: ast.Expr_ | null;
  readonly range: ast.Expr_['range'];
}

/** Every statement of `stmts` and of their nested bodies (not function bodies). */
function eachStmt(stmts: readonly ast.Stmt[], visit: (s: ast.Stmt) => void): void {
  for (const s of stmts) {
    visit(s);
    for (const b of childBodies(s)) eachStmt(b, visit);
  }
}

/** Names read (not stored) in the statements, at any depth, each with its first node. */
function namesRead(stmts: readonly ast.Stmt[]): Map<string, ast.Name> {
  const out = new Map<string, ast.Name>();
  eachStmt(stmts, (s) =>
    walkStmtExprs(s, (e, store) => {
      if (!store && e.type === 'Name' && !out.has(e.id)) out.set(e.id, e);
    }),
  );
  return out;
}

/**
 * Names bound inside expressions (comprehension targets, `:=`, lambda
 * parameters): inside a function these are never the module's names.
 */
function expressionBindings(stmts: readonly ast.Stmt[]): Set<string> {
  const out = new Set<string>();
  eachStmt(stmts, (s) =>
    walkStmtExprs(s, (e, store) => {
      if (store && e.type === 'Name') out.add(e.id);
      if (e.type === 'Lambda') for (const a of [...e.args.posonlyargs, ...e.args.args, ...e.args.kwonlyargs]) out.add(a.arg);
    }),
  );
  return out;
}

/** Names nested functions read and do not bind themselves (at any depth). */
function nestedReads(body: readonly ast.Stmt[]): Map<string, ast.Name> {
  const out = new Map<string, ast.Name>();
  for (const d of nestedDefs(body)) {
    const params = [...d.args.posonlyargs, ...d.args.args, ...d.args.kwonlyargs, d.args.vararg, d.args.kwarg].flatMap((a) => (a ? [a.arg] : []));
    const own = new Set([...params, ...collectLocals(d.body, params), ...expressionBindings(d.body), ...nestedDefs(d.body).map((x) => x.name)]);
    for (const [n, node] of [...namesRead(d.body), ...nestedReads(d.body)]) if (!own.has(n) && !out.has(n)) out.set(n, node);
  }
  return out;
}

/** Names assigned anywhere in a body (its own level). */
function collectAssigned(body: readonly ast.Stmt[]): Set<string> {
  const out = new Set<string>();
  eachStmt(body, (s) => bindings(s).forEach((t) => out.add(t.id)));
  return out;
}

/** The names a top-level statement binds, with the binding target. */
function bindings(s: ast.Stmt): ast.Name[] {
  switch (s.type) {
    case 'Assign':
      return s.targets.flatMap(targetNames);
    case 'AugAssign':
    case 'AnnAssign':
      return targetNames(s.target);
    case 'For':
      return targetNames(s.target);
    default:
      return [];
  }
}

export function splitScript(module: ast.Module, report: Report): ScriptSplit {
  // `if __name__ == "__main__":` always runs in a script: its body is top-level code.
  const flat: ast.Stmt[] = [];
  const flatten = (stmts: readonly ast.Stmt[]): void => {
    for (const s of stmts) {
      if (s.type === 'If' && isMainGuard(s)) flatten(s.body);
      else flat.push(s);
    }
  };
  flatten(module.body);

  const functions = new Map<string, ast.FunctionDef>();
  for (const s of flat) if (s.type === 'FunctionDef' && !functions.has(s.name)) functions.set(s.name, s);

  // Module-level names each function reads (its own parameters and locals excluded).
  const globalsRead = new Map<string, Map<string, ast.Name>>();
  for (const fn of functions.values()) {
    const params = [...fn.args.posonlyargs, ...fn.args.args, ...fn.args.kwonlyargs, fn.args.vararg, fn.args.kwarg].flatMap((a) => (a ? [a.arg] : []));
    const local = new Set([...params, ...collectLocals(fn.body, params), ...expressionBindings(fn.body), ...nestedDefs(fn.body).map((d) => d.name)]);
    const reads = new Map([...namesRead(fn.body)].filter(([n]) => !local.has(n)));
    // Module names read by nested functions (closures.ts) count as read by this one.
    for (const [n, node] of nestedReads(fn.body)) if (!local.has(n) && !reads.has(n)) reads.set(n, node);
    globalsRead.set(fn.name, reads);
  }
  const readBy = new Map<string, string>(); // global name → a function reading it
  for (const [fn, reads] of globalsRead) for (const n of reads.keys()) if (!readBy.has(n)) readBy.set(n, fn);

  // Names some function declares `global`: module variables, whatever binds them.
  const declaredGlobal = new Set<string>();
  for (const fn of functions.values()) eachStmt(fn.body, (s) => s.type === 'Global' && s.names.forEach((n) => declaredGlobal.add(n)));

  // Bindings of names functions read: one plain top-level assignment makes a module constant;
  // anything else (assigned again, by a loop, in a block, or declared `global`) a module variable.
  const shared = new Map<string, ast.Stmt>(); // name → its one defining statement
  const variables = new Map<string, ModuleVariable>();
  const topLevel = new Set(flat);
  const allBindings = new Map<string, { stmt: ast.Stmt; target: ast.Name }[]>();
  eachStmt(flat, (s) => {
    for (const target of bindings(s)) {
      if (functions.has(target.id) || (!readBy.has(target.id) && !declaredGlobal.has(target.id))) continue;
      const list = allBindings.get(target.id) ?? [];
      list.push({ stmt: s, target });
      allBindings.set(target.id, list);
    }
  });
  const isPlain = (s: ast.Stmt): boolean => topLevel.has(s) && (s.type === 'Assign' || (s.type === 'AnnAssign' && s.value !== null));
  for (const [name, list] of allBindings) {
    const first = list[0]!;
    if (list.length === 1 && isPlain(first.stmt) && !declaredGlobal.has(name)) {
      shared.set(name, first.stmt);
      continue;
    }
    const annotated = list.find((b) => b.stmt.type === 'AnnAssign' && b.target === (b.stmt as ast.AnnAssign).target);
    variables.set(name, {
      name,
      first: first.stmt,
      annotation: annotated ? (annotated.stmt as ast.AnnAssign).annotation : null,
      value: first.stmt.type === 'Assign' && first.stmt.targets.length === 1 && first.stmt.targets[0]!.type === 'Name' ? first.stmt.value : first.stmt.type === 'AnnAssign' ? first.stmt.value : null,
      range: first.target.range,
    });
  }
  // Declared `global` but bound only inside functions: typed by an annotation-free first assignment there is not supported.
  for (const n of declaredGlobal) {
    if (!variables.has(n) && !shared.has(n) && !functions.has(n)) {
      const fn = [...functions.values()].find((f) => collectAssigned(f.body).has(n));
      if (fn) report('PTL3008', fn.nameRange, `\`${n}\` is declared global in \`${fn.name}\` but never assigned at the top level`, `Assign \`${n}\` at the top level first (for example \`${n} = 0\`).`);
    }
  }

  const sysModules = new Set<string>();
  const definitions: ast.Stmt[] = [];
  const entryBody: ast.Stmt[] = [];
  flat.forEach((s, i) => {
    if (s.type === 'Import') {
      const rest = s.names.filter((a) => a.name !== 'sys');
      for (const a of s.names) if (a.name === 'sys') sysModules.add(a.asname ?? 'sys');
      if (rest.length > 0) definitions.push({ ...s, names: rest });
      return;
    }
    const isDoc = i === 0 && s.type === 'Expr' && s.value.type === 'Constant' && s.value.kind === 'str';
    const definesShared = bindings(s).some((t) => shared.get(t.id) === s);
    if (isDoc || definesShared || s.type === 'FunctionDef' || s.type === 'ImportFrom' || s.type === 'UnsupportedStmt' || s.type === 'Global' || s.type === 'Nonlocal') {
      definitions.push(s);
    } else {
      entryBody.push(s);
    }
  });

  // What runs must come after the definitions it uses, as in CPython.
  const definedAt = (name: string): ast.Stmt | undefined => functions.get(name) ?? shared.get(name) ?? variables.get(name)?.first;
  for (const s of entryBody) {
    const direct = namesRead([s]);
    const needed = new Map<string, ast.Name>(direct);
    for (const [d, use] of direct) {
      if (!functions.has(d)) continue;
      const stack = [d];
      const visited = new Set<string>();
      while (stack.length > 0) {
        const fn = stack.pop()!;
        if (visited.has(fn)) continue;
        visited.add(fn);
        for (const n of (globalsRead.get(fn) ?? new Map<string, ast.Name>()).keys()) {
          if (!needed.has(n)) needed.set(n, use);
          if (functions.has(n)) stack.push(n);
        }
      }
    }
    for (const [name, use] of needed) {
      const def = definedAt(name);
      if (def && def.range.start.offset > s.range.start.offset) {
        report(
          'PTL3004',
          use.range,
          `\`${name}\` is not defined yet when line ${s.range.start.line} runs (it is defined at line ${def.range.start.line}); CPython raises NameError here`,
          'Move the definition above the code that uses it.',
        );
      }
    }
  }

  const first = entryBody[0];
  const last = entryBody[entryBody.length - 1];
  const range = first && last ? { start: first.range.start, end: last.range.end } : module.range;
  const noArgs: ast.Arguments = { type: 'arguments', range, posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
  const entry: ast.FunctionDef = {
    type: 'FunctionDef',
    range,
    name: ENTRY_FUNCTION,
    nameRange: range,
    args: noArgs,
    body: entryBody,
    decorator_list: [],
    returns: null,
    docstring: null,
    is_async: false,
  };
  return { definitions, entry, sysModules, variables };
}
