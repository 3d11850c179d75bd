/**
 * Nested functions (`def` inside a `def`) and the variables of enclosing
 * functions they read (closures).
 *
 * A nested function is lifted to a module-level function named by its
 * CPython qualname (`outer.<locals>.inner`, which is also what CPython's
 * TypeError messages call it). The enclosing variables it reads, directly,
 * through its own nested functions, or through the nested functions it calls
 * by name, are its *captures*: extra parameters after its own, passed by
 * every direct call and copied into the closure when it is used as a value
 * (lower-lambda.ts functionValue).
 *
 * Passing values is exact only when the captured variable cannot change
 * after the nested function could see it: a parameter never assigned, or a
 * local assigned exactly once, by a plain assignment outside loops and
 * branches, before the `def`. Anything else (`nonlocal`, a loop variable,
 * a variable assigned again) needs shared cells and is refused, naming the
 * variable.
 */
import type * as ast from '../ingest/ast.js';
import { childBodies, walkStmtExprs } from '../ingest/ast-walk.js';
import { targetNames } from './flow.js';
import { initFunction, type FunctionState, type ModuleContext } from './functions.js';
import type { Report } from './report.js';
import { collectLocals, functionSignature } from './signatures.js';

/** The nested `def` statements directly in a function body (inside if/for/while too, not inside other defs). */
export function nestedDefs(body: readonly ast.Stmt[]): ast.FunctionDef[] {
  const out: ast.FunctionDef[] = [];
  const walk = (stmts: readonly ast.Stmt[]): void => {
    for (const s of stmts) {
      if (s.type === 'FunctionDef') out.push(s);
      for (const b of childBodies(s)) walk(b);
    }
  };
  walk(body);
  return out;
}

/** Every statement of a body at the function's own level (not inside nested defs). */
function eachStmt(stmts: readonly ast.Stmt[], visit: (s: ast.Stmt, depth: number) => void, depth = 0): void {
  for (const s of stmts) {
    visit(s, depth);
    for (const b of childBodies(s)) eachStmt(b, visit, depth + 1);
  }
}

/** Names read in a body (its own level), and names bound by expressions (comprehensions, lambdas). */
function readsAndExprBindings(body: readonly ast.Stmt[]): { reads: Set<string>; bound: Set<string> } {
  const reads = new Set<string>();
  const bound = new Set<string>();
  eachStmt(body, (s) =>
    walkStmtExprs(s, (e, store) => {
      if (e.type === 'Name') (store ? bound : reads).add(e.id);
      if (e.type === 'Lambda') for (const a of [...e.args.posonlyargs, ...e.args.args, ...e.args.kwonlyargs]) bound.add(a.arg);
    }),
  );
  return { reads, bound };
}

function paramNames(node: ast.FunctionDef): string[] {
  const a = node.args;
  return [...a.posonlyargs, ...a.args, a.vararg, ...a.kwonlyargs, a.kwarg].flatMap((p) => (p ? [p.arg] : []));
}

/** The variables a function binds itself: parameters, locals, and `nonlocal`/`global` names excluded. */
function ownVariables(node: ast.FunctionDef): Set<string> {
  const params = paramNames(node);
  const shared = declared(node.body, 'Nonlocal');
  for (const g of declared(node.body, 'Global')) shared.add(g);
  return new Set([...params, ...collectLocals(node.body, [...params, ...shared])].filter((n) => !shared.has(n)));
}

/** Names a body declares `nonlocal` (or `global`) at its own level. */
function declared(body: readonly ast.Stmt[], kind: 'Nonlocal' | 'Global'): Set<string> {
  const out = new Set<string>();
  eachStmt(body, (s) => {
    if (s.type === kind) s.names.forEach((n) => out.add(n));
  });
  return out;
}

/** Creates the states of every nested function under `roots` (recursively); returns them. */
export function nestedStates(roots: readonly FunctionState[], ctx: ModuleContext, report: Report): FunctionState[] {
  const all: FunctionState[] = [];
  const visit = (parent: FunctionState): void => {
    for (const def of nestedDefs(parent.sig.node.body)) {
      if (parent.nested.has(def.name)) {
        report('PTL2011', def.nameRange, `\`${def.name}\` is defined twice in \`${parent.sig.name}\`; redefining nested functions is not supported`);
        continue;
      }
      if (parent.locals.has(def.name) || parent.paramNames.has(def.name)) {
        report('PTL2011', def.nameRange, `\`${def.name}\` is both a variable and a nested function of \`${parent.sig.name}\`; this is not supported`);
        continue;
      }
      const qualname = `${parent.sig.name}.<locals>.${def.name}`;
      const sig = { ...functionSignature(def, ctx.source, report, true), name: qualname };
      const state = initFunction(sig, ctx);
      state.parent = parent;
      parent.nested.set(def.name, state);
      all.push(state);
      visit(state);
    }
  };
  roots.forEach(visit);
  computeCaptures(all, report);
  return all;
}

/** What a name read in `fn` refers to, looking outwards: a variable of an enclosing function, a nested function, or neither (module level). */
function resolve(fn: FunctionState, name: string): { kind: 'variable'; owner: FunctionState } | { kind: 'function'; target: FunctionState } | null {
  for (let f: FunctionState | undefined = fn.parent; f; f = f.parent) {
    if (ownVariables(f.sig.node).has(name)) return { kind: 'variable', owner: f };
    const n = f.nested.get(name);
    if (n) return { kind: 'function', target: n };
  }
  return null;
}

function computeCaptures(nested: readonly FunctionState[], report: Report): void {
  const info = new Map<FunctionState, { own: Set<string>; reads: Set<string> }>();
  for (const fn of nested) {
    const own = ownVariables(fn.sig.node);
    const { reads, bound } = readsAndExprBindings(fn.sig.node.body);
    for (const b of bound) own.add(b);
    for (const n of declared(fn.sig.node.body, 'Nonlocal')) {
      reads.add(n); // assigned there, so shared
      own.delete(n);
    }
    info.set(fn, { own, reads });
  }
  const needs = new Map<FunctionState, Set<string>>(nested.map((fn) => [fn, new Set<string>()]));
  const owners = new Map<string, FunctionState>(); // `${qualname}:${name}` → owner, for the checks
  for (const fn of nested) {
    const { own, reads } = info.get(fn)!;
    for (const name of reads) {
      if (own.has(name) || fn.nested.has(name)) continue;
      const r = resolve(fn, name);
      if (r?.kind === 'variable') {
        needs.get(fn)!.add(name);
        owners.set(`${fn.sig.name}:${name}`, r.owner);
      }
    }
  }
  // A function also needs what the nested functions it calls or contains need (from outside itself).
  for (let changed = true; changed; ) {
    changed = false;
    for (const fn of nested) {
      const { own, reads } = info.get(fn)!;
      const mine = needs.get(fn)!;
      const from: FunctionState[] = [...fn.nested.values()];
      for (const name of reads) {
        if (own.has(name)) continue;
        const local = fn.nested.get(name);
        const r = local ? { kind: 'function' as const, target: local } : resolve(fn, name);
        if (r?.kind === 'function') from.push(r.target);
      }
      for (const other of from) {
        for (const n of needs.get(other) ?? []) {
          if (own.has(n) || mine.has(n)) continue;
          mine.add(n);
          changed = true;
        }
      }
    }
  }
  for (const fn of nested) {
    fn.captures = [...needs.get(fn)!].sort();
    for (const name of fn.captures) checkFinal(fn, name, report);
  }
}

/** Refuses a capture that some code could change after the nested function sees it. */
function checkFinal(fn: FunctionState, name: string, report: Report): void {
  const r = resolve(fn, name);
  if (r?.kind !== 'variable') return;
  const owner = r.owner;
  const node = owner.sig.node;
  const isParam = paramNames(node).includes(name);
  const bindings: { stmt: ast.Stmt; depth: number; plain: boolean }[] = [];
  let nonlocal: ast.Stmt | null = null;
  const scan = (body: readonly ast.Stmt[]): void =>
    eachStmt(body, (s, depth) => {
      if ((s.type === 'Nonlocal' || s.type === 'Global') && s.names.includes(name)) nonlocal = s;
      const targets = s.type === 'Assign' ? s.targets.flatMap(targetNames) : s.type === 'AugAssign' || s.type === 'AnnAssign' || s.type === 'For' ? targetNames(s.target) : [];
      if (targets.some((t) => t.id === name) && !(s.type === 'AnnAssign' && s.value === null)) {
        bindings.push({ stmt: s, depth, plain: s.type === 'Assign' || s.type === 'AnnAssign' });
      }
    });
  scan(node.body);
  // `nonlocal name` in any function nested in the owner.
  const walkNested = (defs: ast.FunctionDef[]): void => {
    for (const d of defs) {
      eachStmt(d.body, (s) => {
        if (s.type === 'Nonlocal' && s.names.includes(name)) nonlocal = s;
      });
      walkNested(nestedDefs(d.body));
    }
  };
  walkNested(nestedDefs(node.body));
  const where = `\`${fn.sig.name.split('.<locals>.').pop()}\` reads \`${name}\` of \`${owner.sig.name.split('.<locals>.').pop()}\``;
  const hint = 'Pass the value to the nested function as a parameter (and return the new value), or keep the variable unchanged after the nested function is defined.';
  const defStart = fnDefStart(owner, fn);
  const final = nonlocal === null && (isParam ? bindings.length === 0 : bindings.length === 1 && bindings[0]!.depth === 0 && bindings[0]!.plain && bindings[0]!.stmt.range.start.offset < defStart);
  if (final) return;
  // The variable changes while closures may see it: one shared cell (cells.ts). A `for` target
  // is stored into it at the start of each iteration, so closures made in the loop all see the
  // latest value, as in CPython (late binding).
  const loop = bindings.find((b) => b.stmt.type === 'For');
  if (loop && (loop.stmt as ast.For).target.type !== 'Name') {
    report('PTL2001', loop.stmt.range, `${where}, which is unpacked by this loop; closures over unpacked loop variables are not supported yet`, hint);
    return;
  }
  owner.cells.add(name);
}

/** Where the `def` of `fn` (or of its outermost ancestor below `owner`) starts in the owner's body. */
function fnDefStart(owner: FunctionState, fn: FunctionState): number {
  let f = fn;
  while (f.parent && f.parent !== owner) f = f.parent;
  return f.sig.node.range.start.offset;
}
