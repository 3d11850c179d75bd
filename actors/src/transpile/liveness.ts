/**
 * Liveness of locals in one function, on the control flow of the Rust the
 * printer emits (rust-body.ts), to predict rustc's `unused_assignments` lint:
 * a store whose value no path reads (`x = 0` then `x = n`, an assignment
 * right before `return`, a parameter overwritten before any read). Python
 * allows such code, so the translation keeps it and marks the function
 * `#[allow(unused_assignments)]`, only when the lint really fires.
 */
import type { FunctionIR, TExpr, TStmt, VoidCallExpr } from '../analysis/types.js';
import { visitExpr, visitStmts } from '../analysis/ir-walk.js';

type Live = ReadonlySet<string>;

interface LoopTargets {
  readonly breakTo: Live;
  readonly continueTo: Live;
}

function union(...sets: Live[]): Set<string> {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}

function same(a: Live, b: Live): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function reads(e: TExpr | VoidCallExpr | null, out: Set<string>): void {
  visitExpr(e, (x) => {
    if (x.kind === 'local') out.add(x.name);
  });
}

function readSet(...es: (TExpr | VoidCallExpr | null)[]): Set<string> {
  const out = new Set<string>();
  es.forEach((e) => reads(e, out));
  return out;
}

/**
 * Whether some store in the function is never read (rustc's
 * `unused_assignments`). `isLet` says which stores are `let` initialisers:
 * for a variable that is never read at all rustc reports those as
 * `unused_variables` instead.
 */
export function hasDeadStore(fn: FunctionIR, isLet: (st: TStmt, name: string) => boolean): boolean {
  const everRead = new Set<string>();
  collectReads(fn.body, everRead);
  // The verdict of each store, overwritten on every visit: the last visit is
  // made with the loops' final (largest) live sets.
  const verdicts = new Map<string, boolean>();
  const keys = new Map<TStmt, number>();
  const store = (st: TStmt, index: number, name: string, live: Live): void => {
    let id = keys.get(st);
    if (id === undefined) {
      id = keys.size;
      keys.set(st, id);
    }
    verdicts.set(`${id}:${index}`, !live.has(name) && (everRead.has(name) || !isLet(st, name)));
  };

  const block = (stmts: TStmt[], out: Live, loop: LoopTargets | null): Live => {
    let live: Live = out;
    for (let i = stmts.length - 1; i >= 0; i--) live = statement(stmts[i]!, live, loop);
    return live;
  };

  const statement = (st: TStmt, out: Live, loop: LoopTargets | null): Live => {
    switch (st.kind) {
      case 'foreach':
      case 'store':
      case 'setitem':
      case 'delitem': {
        // Functions with these statements carry a blanket #[allow] (rust-body.ts); reads are enough here.
        const all = new Set<string>();
        collectReads([st], all);
        visitStmts([st], (e) => reads(e, all));
        return union(out, all);
      }
      case 'assign': {
        // Emitted as `t1 = value; t2 = t1; ...`.
        let live = new Set(out);
        const [first, ...rest] = st.targets;
        for (let i = rest.length - 1; i >= 0; i--) {
          store(st, i + 1, rest[i]!, live);
          live.delete(rest[i]!);
          live.add(first!);
        }
        store(st, 0, first!, live);
        live.delete(first!);
        live = union(live, readSet(st.value));
        return live;
      }
      case 'unpack': {
        const live = new Set(out);
        for (let i = st.targets.length - 1; i >= 0; i--) {
          store(st, i, st.targets[i]!, live);
          live.delete(st.targets[i]!);
        }
        const values = st.value.kind === 'tuple' ? readSet(...st.value.elts) : readSet(st.value.left, st.value.right);
        return union(live, values);
      }
      case 'expr':
        return union(out, readSet(st.value));
      case 'return':
        return readSet(st.value);
      case 'print':
        return union(out, readSet(...st.args.flatMap((a) => (a.kind === 'value' ? [a.value] : []))));
      case 'exit':
        return union(out, readSet(st.status));
      case 'break':
        return loop ? loop.breakTo : out;
      case 'continue':
        return loop ? loop.continueTo : out;
      case 'if':
        return union(readSet(st.test), block(st.body, out, loop), block(st.orelse, out, loop));
      case 'while': {
        const test = readSet(st.test);
        const afterElse = st.test === null ? new Set<string>() : block(st.orelse, out, loop);
        let head: Live = union(test, afterElse);
        for (;;) {
          const body = block(st.body, head, { breakTo: out, continueTo: head });
          const next = union(test, afterElse, body);
          if (same(next, head)) return head;
          head = next;
        }
      }
      case 'for': {
        const afterElse = block(st.orelse, out, loop);
        let head: Live = afterElse;
        for (;;) {
          const bodyIn = new Set(block(st.body, head, { breakTo: out, continueTo: head }));
          if (!st.targetIsLoopLocal) store(st, 0, st.target, bodyIn);
          bodyIn.delete(st.target);
          const next = union(afterElse, bodyIn);
          if (same(next, head)) return union(head, readSet(st.start, st.stop, st.step));
          head = next;
        }
      }
    }
  };

  const entry = block(fn.body, new Set(), null);
  if ([...verdicts.values()].some((dead) => dead)) return true;
  // A parameter overwritten before any read: "value passed to `x` is never read".
  return fn.params.some((p) => p.mutable && !entry.has(p.name) && everRead.has(p.name));
}

function collectReads(stmts: TStmt[], out: Set<string>): void {
  const visit = (list: TStmt[]): void => {
    for (const st of list) {
      const r = out;
      switch (st.kind) {
        case 'assign':
        case 'expr':
        case 'return':
          reads(st.value, r);
          break;
        case 'print':
          st.args.forEach((a) => a.kind === 'value' && reads(a.value, r));
          break;
        case 'exit':
          reads(st.status, r);
          break;
        case 'unpack':
          if (st.value.kind === 'tuple') st.value.elts.forEach((e) => reads(e, r));
          else {
            reads(st.value.left, r);
            reads(st.value.right, r);
          }
          break;
        case 'if':
        case 'while':
          reads(st.test, r);
          visit(st.body);
          visit(st.orelse);
          break;
        case 'for':
          reads(st.start, r);
          reads(st.stop, r);
          reads(st.step, r);
          visit(st.body);
          visit(st.orelse);
          break;
        default:
          break;
      }
    }
  };
  visit(stmts);
}
