/**
 * One Python function → one Rust function returning `PyResult<T>`.
 *
 * Python locals live for the whole function; in Rust a variable is declared
 * with `let` at its first assignment when that assignment is a top-level
 * statement of the body (it then dominates every use), otherwise just before
 * the top-level statement that first mentions it (`let mut x: i64;`, assigned
 * later). `mut` comes from analysis (flow.ts), which uses rustc's own notion
 * of "may already be assigned". Loops:
 *
 * - `for i in range(a, b)` → `for i in a..b`; a positive literal step uses
 *   `step_by`, any other step `py_range(a, b, step)?` (ValueError for 0);
 *   when `i` is read after the loop, the loop binds `i_` and assigns `i`.
 * - `while True:` → `loop`; `while c: ... else: ...` with a `break` →
 *   `loop { if !c { <else>; break; } ... }`, so the else clause runs exactly
 *   when the test fails; a `for ... else` with a `break` likewise uses a
 *   `match` on the range iterator inside a `loop`. Without a `break`, the
 *   else clause simply follows the loop.
 */
import type { FunctionIR, TExpr, TStmt, ValueType, VoidCallExpr } from '../analysis/types.js';
import { ExprPrinter, type ExprNames, isFloatComparison, P, paren, RUST_TYPE, type RustExpr } from './rust-expr.js';
import { mentions, readsIn, terminates } from './ir-facts.js';
import { hasDeadStore } from './liveness.js';
import { bareIdent, isSnakeCase, pickIdent } from './names.js';
import { headOf, tupleParts } from '../analysis/ty.js';
import type { Target } from '../analysis/types.js';
import { iterationOf } from './ops.js';
import { isEnumerateOfList, isFoldedSetDisplay, loopItemsOf } from './rust-values.js';
import { isCopy } from './rust-types.js';
import { visitStmts } from '../analysis/ir-walk.js';

/**
 * Whether a function uses strings, containers or the statements over them:
 * its lints are then allowed wholesale (the precise predictions of
 * liveness.ts cover the scalar subset only).
 */
function usesValues(fn: FunctionIR): boolean {
  if (fn.params.some((p) => !isCopy(p.type)) || fn.locals.some((l) => !isCopy(l.type)) || !isCopy(fn.returns)) return true;
  let found = false;
  visitStmts(
    fn.body,
    (e) => {
      if (!isCopy(e.type) || e.kind === 'compare' && e.valueOps?.some((v) => v !== null)) found = true;
    },
    (st) => {
      if (st.kind === 'foreach' || st.kind === 'store' || st.kind === 'delitem' || st.kind === 'setitem') found = true;
    },
  );
  return found;
}

/** A Rust string literal for any text. */
export function rustStr(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

export interface ModuleNames {
  /** Rust identifiers of module functions and constants (value namespace of `mod py`). */
  readonly items: ReadonlyMap<string, string>;
  /** Module constants computed at run time (emitted as functions). */
  readonly computed: ReadonlySet<string>;
}

interface PyLoop {
  readonly line: number;
  /** Set when a `break`/`continue` must name this loop (it is not the innermost Rust loop). */
  labelled: boolean;
}

export interface PrintedFunction {
  readonly lines: string[];
  /** Whether the function calls `opaque_f64` (the module must define it). */
  readonly usesOpaque: boolean;
  /** Lints the function's code makes rustc report (for `#[allow]`). */
  readonly lints: string[];
}

export function printFunction(fn: FunctionIR, module: ModuleNames, recursive: boolean): PrintedFunction {
  return new FunctionPrinter(fn, module, recursive).print();
}

class FunctionPrinter {
  private readonly lines: string[] = [];
  private depth = 1;
  private readonly idents = new Map<string, string>();
  private readonly taken: Set<string>;
  private readonly exprs: ExprPrinter;
  private readonly types = new Map<string, ValueType>();
  private readonly pyLoops: PyLoop[] = [];
  /** The Rust loops around the current point: a Python loop, or a while-else `loop` (null). */
  private readonly rustLoops: (PyLoop | null)[] = [];
  /** Locals declared with `let` by a top-level statement (index → names). */
  private readonly letAt = new Map<number, Set<string>>();
  /** Locals declared without a value before a top-level statement. */
  private readonly hoistAt = new Map<number, string[]>();
  private readonly mutable = new Set<string>();
  /** `for` targets bound afresh in each iteration (LocalIR.loopScoped). */
  private readonly loopScopedNames = new Set<string>();

  constructor(
    private readonly fn: FunctionIR,
    private readonly module: ModuleNames,
    private readonly recursive: boolean,
  ) {
    // Locals must not equal a module-level item's name (a `let N` with `const N` in scope is a pattern).
    this.taken = new Set([...module.items.values()].map(bareIdent));
    for (const p of fn.params) this.idents.set(p.name, this.identFor(p.name));
    for (const l of fn.locals) this.idents.set(l.name, this.identFor(l.name));
    for (const p of fn.params) this.types.set(p.name, p.type);
    for (const l of fn.locals) {
      this.types.set(l.name, l.type);
      if (l.mutable) this.mutable.add(l.name);
      if (l.loopScoped) this.loopScopedNames.add(l.name);
    }
    const names: ExprNames = {
      local: (n) => this.idents.get(n)!,
      constant: (n) => ({ ident: module.items.get(n)!, computed: module.computed.has(n) }),
      func: (n) => module.items.get(n)!,
      fresh: (base) => this.fresh(base),
    };
    this.exprs = new ExprPrinter(names);
    this.planDeclarations();
  }

  private identFor(name: string): string {
    if (name === '_') return this.fresh('_underscore');
    return pickIdent(name, this.taken);
  }

  private fresh(base: string): string {
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}${i}`;
    this.taken.add(name);
    return name;
  }

  private planDeclarations(): void {
    const declared = new Set<string>();
    const locals = new Set(this.fn.locals.filter((l) => !l.loopScoped).map((l) => l.name));
    this.fn.body.forEach((st, i) => {
      const seen = new Set<string>();
      mentions(st, seen);
      const fresh = [...seen].filter((n) => locals.has(n) && !declared.has(n));
      if (fresh.length === 0) return;
      const lets = new Set<string>();
      if (st.kind === 'assign' && fresh.includes(st.targets[0]!) && !readsIn([{ ...st, targets: [] }]).has(st.targets[0]!)) {
        for (const t of st.targets) if (fresh.includes(t)) lets.add(t);
      } else if (st.kind === 'unpack' && st.targets.every((t) => fresh.includes(t)) && new Set(st.targets).size === st.targets.length) {
        st.targets.forEach((t) => lets.add(t));
      }
      const hoisted = fresh.filter((n) => !lets.has(n));
      if (lets.size > 0) this.letAt.set(i, lets);
      if (hoisted.length > 0) this.hoistAt.set(i, hoisted);
      fresh.forEach((n) => declared.add(n));
    });
  }

  private emit(line: string): void {
    this.lines.push(`${'    '.repeat(this.depth)}${line}`);
  }

  private e(x: TExpr | VoidCallExpr): RustExpr {
    return this.exprs.print(x);
  }

  private ident(name: string): string {
    return this.idents.get(name)!;
  }

  private decl(name: string): string {
    return `${this.mutable.has(name) ? 'mut ' : ''}${this.ident(name)}`;
  }

  print(): PrintedFunction {
    const fn = this.fn;
    const params = fn.params.map((p) => `${p.mutable ? 'mut ' : ''}${this.ident(p.name)}: ${RUST_TYPE[p.type]}`).join(', ');
    const ret = fn.returns === 'None' ? '()' : RUST_TYPE[fn.returns];
    const name = this.module.items.get(fn.name)!;
    this.depth = 2;
    if (this.recursive) this.emit(`let ${this.fresh('_frame')} = enter_call()?;`);
    fn.body.forEach((st, i) => {
      for (const n of this.hoistAt.get(i) ?? []) this.emit(`let ${this.decl(n)}: ${RUST_TYPE[this.types.get(n)!]};`);
      const isTail = i === fn.body.length - 1;
      if (isTail && st.kind === 'return') {
        this.emit(st.value === null ? 'Ok(())' : this.returnValue(this.e(st.value)));
        return;
      }
      this.statement(st, this.letAt.get(i) ?? new Set());
    });
    if (fn.returns === 'None' && !terminates(fn.body)) this.emit('Ok(())');
    const body = this.lines.splice(0);
    this.depth = 1;
    const lints: string[] = [];
    const identsUsed = [name, ...fn.params.map((p) => this.ident(p.name)), ...fn.locals.map((l) => this.idents.get(l.name)!)];
    if (identsUsed.some((i) => !isSnakeCase(i))) lints.push('non_snake_case');
    const reads = readsIn(fn.body);
    const unread = [...fn.params.map((p) => p.name), ...fn.locals.filter((l) => !l.loopScoped).map((l) => l.name)].filter(
      (n) => !reads.has(n) && this.mentioned(n),
    );
    const loopScopedUnread = this.forLoops(fn.body).some((f) => f.targetIsLoopLocal && f.targetAssigned && !f.targetRead);
    if (unread.length > 0 || loopScopedUnread) lints.push('unused_variables');
    const lets = new Set<TStmt>();
    fn.body.forEach((st, i) => {
      if (this.letAt.has(i)) lets.add(st);
    });
    if (hasDeadStore(fn, (st, n) => lets.has(st) && this.letAt.get(fn.body.indexOf(st))!.has(n))) lints.push('unused_assignments');
    if (usesValues(fn)) lints.push('unused_assignments', 'unused_variables', 'unused_mut', 'unused_parens', 'unused_braces');
    const vis = fn.exported ? 'pub ' : '';
    return { lines: [`${'    '}${vis}fn ${name}(${params}) -> PyResult<${ret}> {`, ...body, '    }'], lints, usesOpaque: this.exprs.usedOpaque };
  }

  private forLoops(stmts: TStmt[]): Extract<TStmt, { kind: 'for' }>[] {
    return stmts.flatMap((s) => {
      if (s.kind === 'for') return [s, ...this.forLoops(s.body), ...this.forLoops(s.orelse)];
      if (s.kind === 'if' || s.kind === 'while') return [...this.forLoops(s.body), ...this.forLoops(s.orelse)];
      return [];
    });
  }

  private mentioned(name: string): boolean {
    if (this.fn.params.some((p) => p.name === name)) return true;
    const seen = new Set<string>();
    this.fn.body.forEach((s) => mentions(s, seen));
    return seen.has(name);
  }

  private returnValue(v: RustExpr): string {
    return v.result ?? `Ok(${v.code})`;
  }

  private block(stmts: TStmt[]): void {
    this.depth++;
    for (const st of stmts) this.statement(st, new Set());
    this.depth--;
  }

  private statement(st: TStmt, lets: ReadonlySet<string>): void {
    switch (st.kind) {
      case 'assign': {
        const [first, ...rest] = st.targets as [string, ...string[]];
        this.assignOne(first, this.e(st.value).code, lets);
        const firstType = this.types.get(first)!;
        for (const t of rest) this.assignOne(t, isCopy(firstType) ? this.ident(first) : `${this.ident(first)}.clone()`, lets);
        return;
      }
      case 'unpack':
        this.unpack(st, lets);
        return;
      case 'expr': {
        const v = this.e(st.value);
        this.emit(v.result !== undefined ? `${v.code};` : `let _ = ${v.code};`);
        return;
      }
      case 'return':
        this.emit(st.value === null ? 'return Ok(());' : `return ${this.returnValue(this.e(st.value))};`);
        return;
      case 'break':
      case 'continue':
        this.jump(st.kind);
        return;
      case 'if':
        this.ifChain(st);
        return;
      case 'while':
        this.whileLoop(st);
        return;
      case 'for':
        this.forLoop(st);
        return;
      case 'print':
        this.emit(this.printCall(st));
        return;
      case 'exit':
        if (st.status !== null && st.status.type === 'str') this.emit(`sys_exit_message(${this.exprs.ref(st.status)}.as_str())?;`);
        else this.emit(`sys_exit(${st.status === null ? '0' : this.e(st.status).code})?;`);
        return;
      case 'foreach':
        this.forEach(st);
        return;
      case 'store': {
        const v = this.fresh('value');
        this.emit(`let ${v} = ${this.e(st.value).code};`);
        st.targets.forEach((t, i) => this.assignTarget(t, i === st.targets.length - 1 ? v : `${v}.clone()`));
        return;
      }
      case 'setitem':
        this.assignTarget({ kind: 'item', container: st.container, index: st.index, type: st.value.type }, this.e(st.value).code);
        return;
      case 'delitem':
        this.deleteTarget(st.target);
        return;
    }
  }

  /** Stores a value (Rust code, evaluated once) into a target, in Python's order. */
  private assignTarget(t: Target, value: string): void {
    switch (t.kind) {
      case 'name':
        if (this.loopScopedNames.has(t.name)) this.emit(`let ${this.decl(t.name)}: ${RUST_TYPE[this.types.get(t.name)!]} = ${value};`);
        else this.emit(`${this.ident(t.name)} = ${value};`);
        return;
      case 'item': {
        const h = headOf(t.container.type);
        if (h === 'dict') this.emit(`dict_setitem(${this.exprs.ref(t.container)}, ${this.e(t.index).code}, ${value});`);
        else this.emit(`list_setitem(${this.exprs.ref(t.container)}, ${this.e(t.index).code}, ${value})?;`);
        return;
      }
      case 'slice': {
        const b = (x: TExpr | null): string => (x === null ? 'None' : `Some(${this.e(x).code})`);
        this.emit(`list_setslice(${this.exprs.ref(t.container)}, ${b(t.lower)}, ${b(t.upper)}, ${b(t.step)}, PyIterable::py_items(&${value}))?;`);
        return;
      }
      case 'unpack': {
        const tmp = this.fresh('unpacked');
        const parts = tupleParts(t.type);
        if (parts && t.starred === null) {
          this.emit(`let ${tmp} = ${value};`);
          t.elts.forEach((x, i) => this.assignTarget(x, `${tmp}.${i}`));
          return;
        }
        const n = t.elts.length;
        const check = t.starred === null ? `unpack_exact(PyIterable::py_items(&${value}), ${n})?` : `unpack_starred(PyIterable::py_items(&${value}), ${t.starred}, ${n - 1 - t.starred})?`;
        this.emit(`let ${tmp} = ${check};`);
        t.elts.forEach((x, i) => {
          if (i === t.starred) this.assignTarget(x, `List::from_vec(${tmp}.1.clone())`);
          else this.assignTarget(x, `${tmp}.0[${i < (t.starred ?? n) ? i : i - 1}].clone()`);
        });
        return;
      }
    }
  }

  private deleteTarget(t: Target): void {
    if (t.kind === 'item') {
      if (headOf(t.container.type) === 'dict') this.emit(`dict_delitem(${this.exprs.ref(t.container)}, ${this.exprs.ref(t.index)})?;`);
      else this.emit(`list_delitem(${this.exprs.ref(t.container)}, ${this.e(t.index).code})?;`);
    } else if (t.kind === 'slice') {
      const b = (x: TExpr | null): string => (x === null ? 'None' : `Some(${this.e(x).code})`);
      this.emit(`list_delslice(${this.exprs.ref(t.container)}, ${b(t.lower)}, ${b(t.upper)}, ${b(t.step)})?;`);
    }
  }

  /**
   * `for target in iterable`: lists by index (seeing appends during the
   * loop, as CPython does), dicts through a checked iterator (RuntimeError
   * when the dict changes size), anything else over a snapshot of its items.
   * One `loop` shape for all, so `else` and `break` work the same way.
   */
  private forEach(st: Extract<TStmt, { kind: 'foreach' }>): void {
    const kind = iterationOf(st.iter.type);
    let next: string;
    if (isEnumerateOfList(st.iter)) {
      // enumerate(xs) over a list walks it by index too (CPython's enumerate is lazy).
      const seq = this.fresh('seq');
      const i = this.fresh('index');
      const start = this.fresh('start');
      const [list, from] = st.iter.args;
      this.emit(`let ${seq} = ${this.e(list!).code};`);
      this.emit(`let ${start}: i64 = ${from ? this.e(from).code : '0'};`);
      this.emit(`let mut ${i} = 0usize;`);
      next = `{ let x = ${seq}.get_cloned(${i}).map(|v| (${start} + ${i} as i64, v)); ${i} += 1; x }`;
    } else if (kind === 'list') {
      const seq = this.fresh('seq');
      const i = this.fresh('index');
      this.emit(`let ${seq} = ${this.e(st.iter).code};`);
      this.emit(`let mut ${i} = 0usize;`);
      next = `{ let x = ${seq}.get_cloned(${i}); ${i} += 1; x }`;
    } else if (kind === 'items' && headOf(st.iter.type) === 'set' && !isFoldedSetDisplay(st.iter)) {
      // A set is walked live: CPython raises RuntimeError when its size changes.
      const it = this.fresh('iter');
      this.emit(`let mut ${it} = (${this.exprs.ref(st.iter)}).iter();`);
      next = `${it}.next_checked()?`;
    } else if (kind === 'items') {
      const it = this.fresh('iter');
      this.emit(`let mut ${it} = ${loopItemsOf(this.exprs, st.iter)}.into_iter();`);
      next = `${it}.next()`;
    } else {
      const it = this.fresh('iter');
      const dict = kind === 'dict_keys' && headOf(st.iter.type) === 'dict' ? this.exprs.ref(st.iter) : `&${paren(this.e(st.iter), P.UNARY)}.0`;
      const method = { dict_keys: 'iter_keys', dict_values: 'iter_values', dict_items: 'iter_items' }[kind];
      this.emit(`let mut ${it} = (${dict}).${method}();`);
      next = `${it}.next_checked()?`;
    }
    const frame: PyLoop = { line: st.line, labelled: false };
    const item = this.fresh('item');
    this.loop((label) => `${label}loop {`, frame, () => {
      this.depth++;
      this.emit(`let ${item} = match ${next} {`);
      this.depth++;
      this.emit('Some(x) => x,');
      if (st.orelse.length > 0 && st.hasBreak) {
        this.emit('None => {');
        this.loopElseThenBreak(st.orelse, frame);
        this.emit('}');
      } else {
        this.emit('None => break,');
      }
      this.depth--;
      this.emit('};');
      this.assignTarget(st.target, item);
      this.depth--;
      this.block(st.body);
    });
    if (!(st.orelse.length > 0 && st.hasBreak)) for (const s of st.orelse) this.statement(s, new Set());
  }

  /** `py_print(fd, &[parts], sep, end)`: every part is converted by `str()` before anything is written. */
  private printCall(st: Extract<TStmt, { kind: 'print' }>): string {
    const parts = st.args.map((a) => {
      if (a.kind === 'text') return rustStr(a.text);
      if (a.value.type === 'str') return `${this.exprs.ref(a.value)}.as_str()`;
      if (!isCopy(a.value.type)) return `&str_string(${this.exprs.ref(a.value)})`;
      // A `-> None` call's result (Rust `()`): evaluated, shown as `None`.
      if (a.value.type === 'None') return `&str_string(&${this.e(a.value).code})`;
      const v = this.e(a.value);
      const fn = a.value.type === 'int' ? 'repr_int' : a.value.type === 'float' ? 'repr_float' : 'repr_bool';
      return `&${fn}(${v.code})`;
    });
    return `py_print(${st.fd}, &[${parts.join(', ')}], ${rustStr(st.sep)}, ${rustStr(st.end)});`;
  }

  private assignOne(target: string, value: string, lets: ReadonlySet<string>): void {
    if (lets.has(target)) this.emit(`let ${this.decl(target)}: ${RUST_TYPE[this.types.get(target)!]} = ${value};`);
    else this.emit(`${this.ident(target)} = ${value};`);
  }

  private unpack(st: Extract<TStmt, { kind: 'unpack' }>, lets: ReadonlySet<string>): void {
    const targets = st.targets;
    const allLet = targets.every((t) => lets.has(t));
    if (st.value.kind === 'divmod') {
      const fn = st.value.operandType === 'int' ? 'int_divmod' : 'float_divmod';
      const call = `${fn}(${this.e(st.value.left).code}, ${this.e(st.value.right).code})?`;
      if (allLet) {
        const type = RUST_TYPE[st.value.operandType];
        this.emit(`let (${targets.map((t) => this.decl(t)).join(', ')}): (${targets.map(() => type).join(', ')}) = ${call};`);
      } else if (new Set(targets).size === targets.length) {
        this.emit(`(${targets.map((t) => this.ident(t)).join(', ')}) = ${call};`);
      } else {
        const temps = targets.map(() => this.fresh('part'));
        this.emit(`let (${temps.join(', ')}) = ${call};`);
        targets.forEach((t, i) => this.emit(`${this.ident(t)} = ${temps[i]};`));
      }
      return;
    }
    const values = st.value.elts;
    if (allLet) {
      targets.forEach((t, i) => this.assignOne(t, this.e(values[i]!).code, lets));
      return;
    }
    // Python evaluates the whole right side first. Assigning one by one is the
    // same when no later value reads an earlier target.
    const distinct = new Set(targets).size === targets.length;
    const independent = targets.every((t, i) => !readsIn(values.slice(i + 1).map((v) => ({ kind: 'expr' as const, value: v, line: 0 }))).has(t));
    if (distinct && independent) {
      targets.forEach((t, i) => this.emit(`${this.ident(t)} = ${this.e(values[i]!).code};`));
    } else if (distinct) {
      this.emit(`(${targets.map((t) => this.ident(t)).join(', ')}) = (${values.map((v) => this.e(v).code).join(', ')});`);
    } else {
      const temps = targets.map(() => this.fresh('part'));
      this.emit(`let (${temps.join(', ')}) = (${values.map((v) => this.e(v).code).join(', ')});`);
      targets.forEach((t, i) => this.emit(`${this.ident(t)} = ${temps[i]};`));
    }
  }

  private jump(kind: 'break' | 'continue'): void {
    const target = this.pyLoops[this.pyLoops.length - 1]!;
    const innermost = this.rustLoops[this.rustLoops.length - 1];
    if (innermost === target) {
      this.emit(`${kind};`);
    } else {
      target.labelled = true;
      this.emit(`${kind} 'loop_${target.line};`);
    }
  }

  /**
   * The test of an `if` whose branches assign floats: after SSA, a choice
   * between float values, which must not become a min/max instruction
   * (ExprPrinter.opaqueCompare).
   */
  private testOf(st: Extract<TStmt, { kind: 'if' }>): RustExpr {
    const assignsFloat = (b: TStmt[]): boolean =>
      b.some((x) => (x.kind === 'assign' || x.kind === 'unpack') && x.targets.some((t) => this.types.get(t) === 'float'));
    if (isFloatComparison(st.test) && (assignsFloat(st.body) || assignsFloat(st.orelse))) return this.exprs.opaqueCompare(st.test);
    return this.e(st.test);
  }

  private ifChain(st: Extract<TStmt, { kind: 'if' }>): void {
    this.emit(`if ${this.testOf(st).code} {`);
    let current = st;
    for (;;) {
      this.block(current.body);
      const orelse = current.orelse;
      if (orelse.length === 1 && orelse[0]!.kind === 'if') {
        current = orelse[0] as Extract<TStmt, { kind: 'if' }>;
        this.emit(`} else if ${this.testOf(current).code} {`);
        continue;
      }
      if (orelse.length > 0) {
        this.emit('} else {');
        this.block(orelse);
      }
      this.emit('}');
      return;
    }
  }

  /** Emits a loop whose header is known only after the body (it may need a label). */
  private loop(header: (label: string) => string, frame: PyLoop, body: () => void): void {
    const at = this.lines.length;
    this.emit('');
    this.rustLoops.push(frame);
    this.pyLoops.push(frame);
    body();
    this.pyLoops.pop();
    this.rustLoops.pop();
    this.emit('}');
    const label = frame.labelled ? `'loop_${frame.line}: ` : '';
    this.lines[at] = `${'    '.repeat(this.depth)}${header(label)}`;
  }

  private whileLoop(st: Extract<TStmt, { kind: 'while' }>): void {
    const frame: PyLoop = { line: st.line, labelled: false };
    if (st.test === null) {
      this.loop((label) => `${label}loop {`, frame, () => this.block(st.body));
      return;
    }
    const test = this.e(st.test);
    if (st.orelse.length > 0 && st.hasBreak) {
      // The else clause runs when the test fails, not after a `break`.
      this.loop((label) => `${label}loop {`, frame, () => {
        this.depth++;
        this.emit(`if !${paren(test, P.UNARY)} {`);
        this.loopElseThenBreak(st.orelse, frame);
        this.emit('}');
        this.depth--;
        this.block(st.body);
      });
      return;
    }
    this.loop((label) => `${label}while ${test.code} {`, frame, () => this.block(st.body));
    for (const s of st.orelse) this.statement(s, new Set());
  }

  /**
   * The body of a loop's `else` clause inside the hand-stepped loop, then the
   * `break` that leaves the loop (unless the clause already left). A `break` or
   * `continue` in the clause belongs to the enclosing loop, so this loop's
   * frame is hidden while the clause is emitted.
   */
  private loopElseThenBreak(orelse: TStmt[], frame: PyLoop): void {
    this.rustLoops.push(null);
    this.pyLoops.pop();
    this.block(orelse);
    this.pyLoops.push(frame);
    this.rustLoops.pop();
    if (!terminates(orelse)) {
      this.depth++;
      this.emit('break;');
      this.depth--;
    }
  }

  private forLoop(st: Extract<TStmt, { kind: 'for' }>): void {
    const start = this.e(st.start);
    const stop = this.e(st.stop);
    let iter: string;
    const step = st.step;
    if (step === null) {
      // A block right after `..` would be read as the loop body.
      const bound = (e: RustExpr): string => (e.code.startsWith('{') ? `(${e.code})` : paren(e, P.OR));
      iter = `${bound(start)}..${bound(stop)}`;
    } else if (step.kind === 'literal' && step.type === 'int' && step.value > 0n && step.value <= 2147483647n) {
      iter = `(${start.code}..${stop.code}).step_by(${step.value})`;
    } else {
      iter = `py_range(${start.code}, ${stop.code}, ${this.e(step).code})?`;
    }
    const frame: PyLoop = { line: st.line, labelled: false };
    const target = this.ident(st.target);
    const used = st.targetRead || st.targetAssigned;
    if (st.orelse.length > 0 && st.hasBreak) {
      // The else clause runs when the range is exhausted, not after a `break`:
      // step the iterator by hand so rustc sees exactly which paths assign what.
      const it = this.fresh(`${bareIdent(target)}_range`);
      this.emit(`let mut ${it} = ${iter};`);
      this.loop((label) => `${label}loop {`, frame, () => {
        this.depth++;
        const value = this.fresh('value');
        const bind = st.targetIsLoopLocal ? (used ? `let ${st.targetAssigned ? 'mut ' : ''}${target} = ` : 'let _ = ') : `${target} = `;
        this.emit(`${bind}match ${it}.next() {`);
        this.depth++;
        this.emit(`Some(${value}) => ${value},`);
        this.emit('None => {');
        this.loopElseThenBreak(st.orelse, frame);
        this.emit('}');
        this.depth--;
        this.emit('};');
        this.depth--;
        this.block(st.body);
      });
      return;
    }
    let pattern: string;
    let assignFrom: string | null = null;
    if (st.targetIsLoopLocal) {
      pattern = used ? `${st.targetAssigned ? 'mut ' : ''}${target}` : '_';
    } else {
      pattern = this.fresh(`${bareIdent(target)}_`);
      assignFrom = pattern;
    }
    this.loop((label) => `${label}for ${pattern} in ${iter} {`, frame, () => {
      if (assignFrom) {
        this.depth++;
        this.emit(`${target} = ${assignFrom};`);
        this.depth--;
      }
      this.block(st.body);
    });
    for (const s of st.orelse) this.statement(s, new Set());
  }
}
