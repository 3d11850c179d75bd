/**
 * Statements: checks and lowers one function body to the IR, after types
 * have been inferred (functions.ts). Reports unsupported statements, type
 * conflicts (PTL3006), reads of possibly-unassigned locals (PTL3009/PTL3008)
 * and missing returns (PTL3007), using the control-flow facts of flow.ts.
 * Statements that can never run are checked but left out of the IR.
 */
import { alwaysLeaves, assignedNames, narrowedScope, narrowingOf } from './narrowing.js';
import type * as ast from '../ingest/ast.js';
import type { SourceRange } from '../diagnostics/diagnostic.js';
import { analyzeFlow, forEachTargetRead, isAlwaysTrue, loopScopedTargets, targetNames } from './flow.js';
import { functionScope, isDivmodCall, type FunctionState, type ModuleContext, unpackedTypes } from './functions.js';
import { binary, coerce, lowerStatementValue, lowerTest, lowerValue, type Scope, toInt } from './lower-expr.js';
import { lowerScriptStatement } from './lower-print.js';
import { refuseStatement } from './refusals.js';
import { type Report, where } from './report.js';
import { annotationType } from './signatures.js';
import type { FunctionIR, LocalIR, ReturnType, Target, TExpr, TStmt, TupleExpr, ValueType } from './types.js';
import { convertTo, retype } from './lower-values.js';
import { dictParts, elementOf, hasUnknown, headOf, isScalar, iterItemOf, listOf, pyClassName, tupleParts, type Ty, unify, withArticle } from './ty.js';
import { walkExpr } from '../ingest/ast-walk.js';
import { checkDefaults } from './defaults.js';
import { augStoreCell, cellName, cellPrologue, loopIntoCell, loopName, storeCell } from './cells.js';
import { augStoreGlobal, storeGlobal } from './module-vars.js';
import { lowerExpected } from './lower-lambda.js';

export function lowerFunction(fn: FunctionState, ctx: ModuleContext, report: Report): FunctionIR | null {
  const sig = fn.sig;
  const node = sig.node;
  const errorsBefore = { count: 0 };
  const counting: Report = (...args) => {
    errorsBefore.count++;
    report(...args);
  };
  const scope = functionScope(ctx, fn, counting);
  const params = sig.params.map((p) => p.name);
  const flow = analyzeFlow(node.body, [...params, ...fn.refusedParams, ...fn.captures], new Set([...fn.locals.keys(), ...params]));
  const loopScoped = loopScopedTargets(node.body, params);

  const signatureFailed = sig.params.some((p) => p.type === undefined) || (sig.exported && sig.annotatedReturn === undefined);
  if (sig.returns === undefined && !signatureFailed) {
    counting(
      'PTL3001',
      node.nameRange,
      `the return type of \`${sig.name}\` cannot be inferred`,
      `Annotate it, for example \`def ${sig.name}(...) -> int:\`.`,
    );
  }

  checkDefaults(sig.name, sig.params, scope, counting);
  const lowerer = new BodyLowerer(fn, ctx, scope, counting, flow.dead, loopScoped);
  const cells = [...fn.cells].map((name) => ({ name, type: scope.local(name)?.type, param: fn.paramNames.has(name) }));
  const body = [
    ...(cells.every((c) => c.type !== undefined) ? cellPrologue(cells as { name: string; type: ValueType; param: boolean }[], node.range.start.line) : []),
    ...lowerer.block(node.body),
  ];

  for (const { name, range } of flow.unassigned) {
    if (ctx.constantTypes.has(name)) {
      counting(
        'PTL3008',
        range,
        `\`${name}\` is a module constant, but \`${sig.name}\` assigns to it, which makes it a local variable in Python; this read happens before any assignment (Python raises UnboundLocalError)`,
        'Use a different name for the local variable.',
      );
    } else {
      counting(
        'PTL3009',
        range,
        `\`${name}\` may be used before it is assigned (Python raises UnboundLocalError on that path)`,
      );
    }
  }
  if (flow.endReachable && sig.returns !== undefined && sig.returns !== 'None' && errorsBefore.count === 0) {
    counting(
      'PTL3007',
      node.nameRange,
      `\`${sig.name}\` can reach the end of its body without returning ${sig.returns === 'int' ? 'an' : 'a'} ${sig.returns} (Python would return None there)`,
    );
  }
  const locals: LocalIR[] = [];
  for (const [name, info] of fn.locals) {
    if (info.type === undefined) {
      if (errorsBefore.count === 0) {
        counting('PTL3006', node.nameRange, `the type of \`${name}\` in \`${sig.name}\` cannot be determined`);
      }
      continue;
    }
    // A variable nested functions share lives in its cell (cells.ts); a loop over it has its own target.
    if (fn.cells.has(name)) locals.push({ name: cellName(name), type: listOf(info.type), mutable: false, loopScoped: false });
    else if ([...fn.cells].some((c) => loopName(c) === name)) locals.push({ name, type: info.type, mutable: true, loopScoped: false });
    else locals.push({ name, type: info.type, mutable: flow.mutable.has(name), loopScoped: loopScoped.has(name) });
  }
  for (const p of sig.params) if (fn.cells.has(p.name) && p.type) locals.push({ name: cellName(p.name), type: listOf(p.type), mutable: false, loopScoped: false });
  if (errorsBefore.count > 0 || sig.returns === undefined || sig.params.some((p) => p.type === undefined)) return null;
  return {
    name: sig.name,
    exported: sig.exported,
    params: [
      ...sig.params.map((p) => ({ name: p.name, type: p.type!, mutable: flow.mutable.has(p.name) })),
      // A nested function's captured variables (closures.ts), never assigned here.
      ...fn.captures.map((name) => {
        const c = scope.local(name)!;
        return c.cell ? { name: cellName(name), type: listOf(c.type!), mutable: false } : { name, type: c.type!, mutable: false };
      }),
    ],
    returns: sig.returns,
    doc: node.docstring,
    line: node.range.start.line,
    range: node.range,
    nameRange: node.nameRange,
    locals,
    body,
  };
}

class BodyLowerer {
  constructor(
    private readonly fn: FunctionState,
    private readonly ctx: ModuleContext,
    private scope: Scope,
    private readonly report: Report,
    private readonly dead: Set<ast.Stmt>,
    private readonly loopScoped: Set<string>,
  ) {}

  /**
   * Lowers a block. `narrow`: locals a condition proved (narrowing.ts); each
   * statement sees those no earlier statement of the block assigned and that
   * it does not assign inside itself (a plain `x = f(x)` reads x before it
   * stores, so it still sees x narrowed).
   */
  block(stmts: ast.Stmt[], narrow: ReadonlyMap<string, string> = new Map()): TStmt[] {
    const out: TStmt[] = [];
    const outer = this.scope;
    const active = new Map(narrow);
    stmts.forEach((st, i) => {
      if (i === 0 && st.type === 'Expr' && st.value.type === 'Constant' && st.value.kind === 'str') return; // docstring
      const assigned = assignedNames([st]);
      const plainStore = st.type === 'Assign' && st.targets.every((t) => t.type === 'Name');
      this.scope = narrowedScope(outer, new Map([...active].filter(([n]) => plainStore || !assigned.has(n))));
      const lowered = this.statement(st);
      if (!this.dead.has(st)) out.push(...lowered);
      for (const n of assigned) active.delete(n);
      // `if x is None: return ...`: the rest of the block sees x narrowed.
      if (st.type === 'If') {
        const n = narrowingOf(st.test, this.scope);
        const proved = alwaysLeaves(st.body) ? n.else : st.orelse.length > 0 && alwaysLeaves(st.orelse) ? n.then : new Map<string, string>();
        for (const [k, v] of proved) if (!assigned.has(k)) active.set(k, v);
      }
      // `x = 5` into an Optional[int] (or a union) local: x is an int until it is assigned again.
      for (const l of lowered) {
        if (l.kind !== 'assign' || l.targets.length !== 1) continue;
        const member = l.value.kind === 'some' ? l.value.operand.type : l.value.kind === 'op' && l.value.op === 'union.wrap' ? l.value.args[0]!.type : undefined;
        if (member !== undefined) active.set(l.targets[0]!, member);
      }
    });
    this.scope = outer;
    return out;
  }

  /** Lowers a region with what a condition proved (narrowing.ts). */
  private narrowedBlock(stmts: ast.Stmt[], names: ReadonlyMap<string, string>): TStmt[] {
    return this.block(stmts, names);
  }

  private statement(st: ast.Stmt): TStmt[] {
    const line = st.range.start.line;
    const { report, scope } = this;
    switch (st.type) {
      case 'Pass':
        return [];
      case 'Break':
        return [{ kind: 'break', line }];
      case 'Continue':
        return [{ kind: 'continue', line }];
      case 'Expr': {
        const v = st.value;
        if (v.type === 'Constant' && (v.kind === 'str' || v.kind === 'Ellipsis')) return []; // a comment-like string, or `...`
        const output = lowerScriptStatement(v, scope, line);
        if (output) return output;
        const value = lowerStatementValue(v, scope);
        return value ? [{ kind: 'expr', value, line }] : [];
      }
      case 'Return':
        return this.returnStmt(st);
      case 'Assign':
        if (st.targets.length === 1 && st.targets[0]!.type === 'Name' && scope.local(st.targets[0]!.id)?.cell) {
          const t = st.targets[0]!;
          return storeCell(t, st.value, scope.local(t.id)!.type!, scope, line); // cells.ts
        }
        // Module variables (module-vars.ts): `global x` in a function, or the script's top level.
        if (st.targets.length === 1 && st.targets[0]!.type === 'Name' && this.fn.globals.has(st.targets[0]!.id)) return storeGlobal(st.targets[0]!, st.value, scope, line);
        return this.assign(st);
      case 'AugAssign':
        if (st.target.type === 'Name' && scope.local(st.target.id)?.cell) return augStoreCell(st, scope.local(st.target.id)!.type!, scope, line);
        if (st.target.type === 'Name' && this.fn.globals.has(st.target.id)) return augStoreGlobal(st, scope, line);
        return this.augAssign(st);
      case 'AnnAssign':
        if (st.target.type === 'Name' && scope.local(st.target.id)?.cell) return st.value ? storeCell(st.target, st.value, scope.local(st.target.id)!.type!, scope, line) : [];
        if (st.target.type === 'Name' && this.fn.globals.has(st.target.id)) return st.value ? storeGlobal(st.target, st.value, scope, line) : [];
        return this.annAssign(st);
      case 'If': {
        const test = lowerTest(st.test, scope);
        const narrowing = narrowingOf(st.test, scope);
        const body = this.narrowedBlock(st.body, narrowing.then);
        const orelse = this.narrowedBlock(st.orelse, narrowing.else);
        return test ? [{ kind: 'if', test, body, orelse, line }] : [];
      }
      case 'While': {
        const infinite = isAlwaysTrue(st.test);
        const test = infinite ? null : lowerTest(st.test, scope);
        const body = infinite ? this.block(st.body) : this.narrowedBlock(st.body, narrowingOf(st.test, scope).then);
        const orelse = this.block(st.orelse);
        if (!infinite && test === null) return [];
        return [{ kind: 'while', test, body, orelse: infinite ? [] : orelse, hasBreak: hasBreak(body), line }];
      }
      case 'For':
        if (st.target.type === 'Name' && this.fn.cells.has(st.target.id)) return this.forStmt(loopIntoCell(st, this.fn)); // cells.ts
        return this.forStmt(st);
      case 'FunctionDef':
        // Lifted to a function of its own (closures.ts); nothing runs here.
        if (this.fn.nested.get(st.name)?.sig.node === st) return [];
        report('PTL2001', st.nameRange, 'nested functions are not supported here', 'Define the function at module level and pass it what it needs as parameters.');
        return [];
      case 'Import':
      case 'ImportFrom':
        report('PTL2005', st.range, 'imports inside functions are not supported', 'Write `import math` (or `from math import ...`) at module level.');
        return [];
      case 'Delete':
        return this.deleteStmt(st);
      case 'Global':
        if (st.names.every((n) => this.ctx.variables?.has(n))) return []; // module-vars.ts
        if (this.ctx.variables !== undefined) {
          const missing = st.names.find((n) => !this.ctx.variables!.has(n))!;
          report('PTL2001', st.range, `\`global ${missing}\`: \`${missing}\` must be assigned at the script's top level`, `Assign it at the top level first, for example \`${missing} = 0\`.`);
          return [];
        }
      // falls through: `global` in a library module is refused
      case 'Nonlocal': {
        if (st.type === 'Nonlocal' && st.names.every((n) => scope.local(n)?.cell)) return []; // cells.ts
        const refusal = refuseStatement(st.type);
        report(refusal.code, st.range, refusal.message, refusal.hint);
        return [];
      }
      case 'UnsupportedStmt': {
        const refusal = refuseStatement(st.node);
        report(refusal.code, st.range, refusal.message, refusal.hint);
        return [];
      }
    }
  }

  private returnStmt(st: ast.Return): TStmt[] {
    const line = st.range.start.line;
    const returns: ReturnType | undefined = this.fn.sig.returns;
    const isNone = st.value === null || (st.value.type === 'Constant' && st.value.kind === 'None');
    if (isNone && returns !== undefined && returns.startsWith('Optional[')) {
      return [{ kind: 'return', value: { kind: 'none', type: returns }, line }];
    }
    if (isNone) {
      if (returns !== undefined && returns !== 'None') {
        this.report('PTL3003', st.range, `\`${this.fn.sig.name}\` returns ${returns}, but this \`return\` gives None`);
      }
      return [{ kind: 'return', value: null, line }];
    }
    const value = lowerValue(st.value!, this.scope);
    if (value === null || returns === undefined) return [];
    if (returns === 'None') {
      this.report('PTL3003', st.value!.range, `\`${this.fn.sig.name}\` is declared \`-> None\` but returns ${value.type === 'int' ? 'an' : 'a'} ${value.type}`);
      return [];
    }
    const declared = this.fn.sig.annotatedReturn !== undefined;
    const converted = declared
      ? coerceValue(value, returns, `the return value of \`${this.fn.sig.name}\``, st.value!.range, this.report)
      : sameType(retype(value, returns), returns, st.value!.range, this.report, `\`${this.fn.sig.name}\` returns`);
    return converted ? [{ kind: 'return', value: converted, line }] : [];
  }

  /** Checks a value assigned to a local and converts it to the local's type. */
  private store(name: string, value: TExpr, range: SourceRange): TExpr | null {
    const fn = this.fn;
    if (fn.paramNames.has(name)) {
      const type = fn.sig.params.find((p) => p.name === name)!.type;
      return type ? coerceValue(value, type, `parameter \`${name}\``, range, this.report) : null;
    }
    const info = fn.locals.get(name);
    if (!info || info.type === undefined) return null;
    if (info.declared) return coerceValue(value, info.type, `\`${name}\``, range, this.report);
    if (value.type === info.type) return value;
    if (hasUnknown(value.type) && unify(value.type, info.type) === info.type) return retype(value, info.type);
    if (info.type.startsWith('Optional[')) return coerceValue(value, info.type, `\`${name}\``, range, this.report);
    // Reported with both places by functions.ts (findConflicts).
    if (!fn.conflicted.has(name)) this.report('PTL3006', range, `\`${name}\` is assigned ${article(info.type)} ${info.type} and ${article(value.type)} ${value.type} here`);
    return null;
  }

  private assign(st: ast.Assign): TStmt[] {
    const line = st.range.start.line;
    const { report, scope } = this;
    const first = st.targets[0]!;
    if (st.targets.length === 1 && (first.type === 'Tuple' || first.type === 'List') && isSimpleUnpack(first, st.value)) return this.unpack(first, st.value, line);
    if (st.targets.some((t) => t.type !== 'Name')) return this.storeTargets(st.targets, st.value, line);
    const value = lowerValue(st.value, scope);
    if (value === null) return [];
    const names = st.targets as ast.Name[];
    const stored = names.map((n) => this.store(n.id, value, n.range));
    if (stored.some((s) => s === null)) return [];
    const type = stored[0]!.type;
    if (stored.some((s) => s!.type !== type)) {
      report('PTL3003', st.range, 'chained assignment to variables of different types is not supported', 'Assign each variable separately.');
      return [];
    }
    return [{ kind: 'assign', targets: names.map((n) => n.id), value: stored[0]!, line }];
  }

  private unpack(target: ast.Tuple | ast.List, valueNode: ast.Expr_, line: number): TStmt[] {
    const { report, scope } = this;
    if (!target.elts.every((e) => e.type === 'Name')) {
      for (const e of target.elts) if (e.type !== 'Name') badTarget(e, report);
      return [];
    }
    const names = target.elts as ast.Name[];
    let tuple: TupleExpr | null = null;
    if (valueNode.type === 'Tuple') {
      if (valueNode.elts.length !== names.length) {
        report('PTL3003', valueNode.range, `cannot unpack ${valueNode.elts.length} values into ${names.length} names`);
        return [];
      }
      const elts = valueNode.elts.map((e) => lowerValue(e, scope));
      if (elts.some((e) => e === null)) return [];
      const stored = names.map((n, i) => this.store(n.id, elts[i]!, n.range));
      if (stored.some((s) => s === null)) return [];
      tuple = { kind: 'tuple', elts: stored as TExpr[] };
    } else if (isDivmodCall(valueNode, scope)) {
      tuple = this.divmod(valueNode, names);
      if (tuple === null) return [];
    } else {
      const types = unpackedTypes(valueNode, scope);
      if (types === null) {
        const v = lowerValue(valueNode, scope);
        if (v !== null) {
          report('PTL2002', valueNode.range, 'only tuples written out (`a, b = x, y`) and divmod() can be unpacked');
        }
      }
      return [];
    }
    return [{ kind: 'unpack', targets: names.map((n) => n.id), value: tuple, line }];
  }

  private divmod(call: ast.Call, names: ast.Name[]): TupleExpr | null {
    const { report, scope } = this;
    if (call.keywords.length > 0) {
      report('PTL2010', call.keywords[0]!.range, 'keyword arguments to `divmod()` are not supported');
      return null;
    }
    if (call.args.length !== 2) {
      report('PTL3005', call.range, `divmod expected 2 arguments, got ${call.args.length}`);
      return null;
    }
    if (names.length !== 2) {
      report('PTL3003', call.range, `cannot unpack divmod()'s 2 values into ${names.length} names`);
      return null;
    }
    const [a, b] = call.args.map((x) => lowerValue(x, scope));
    if (!a || !b) return null;
    const r = binary('FloorDiv', a, b, call.range, report);
    if (r === null || r.kind !== 'binary') return null;
    const operandType = r.operandType as 'int' | 'float';
    for (const n of names) {
      if (this.store(n.id, { kind: 'local', type: operandType, name: 'divmod()' }, n.range) === null) return null;
    }
    return { kind: 'divmod', operandType, left: r.left, right: r.right };
  }

  private augAssign(st: ast.AugAssign): TStmt[] {
    const line = st.range.start.line;
    const { report, scope } = this;
    if (st.op === 'MatMult') {
      report('PTL2002', st.range, 'the `@=` operator is not supported');
      return [];
    }
    if (st.target.type === 'Subscript') return this.augItem(st, st.target);
    if (st.target.type !== 'Name') {
      badTarget(st.target, report);
      lowerValue(st.value, scope);
      return [];
    }
    const current = lowerValue(st.target, scope);
    const value = lowerValue(st.value, scope);
    if (current === null || value === null) return [];
    const inPlace = inPlaceOp(st.op, current, value, st.range, report);
    if (inPlace !== undefined) return inPlace === null ? [] : [{ kind: 'expr', value: inPlace, line }];
    const result = binary(st.op, current, value, st.range, report);
    if (result === null) return [];
    const stored = this.store(st.target.id, result, st.target.range);
    return stored ? [{ kind: 'assign', targets: [st.target.id], value: stored, line }] : [];
  }

  private annAssign(st: ast.AnnAssign): TStmt[] {
    const line = st.range.start.line;
    const { report, scope } = this;
    if (st.target.type !== 'Name') {
      badTarget(st.target, report);
      return [];
    }
    const name = st.target.id;
    const declared = annotationType(st.annotation, this.ctx.source, report, false);
    const info = this.fn.locals.get(name);
    const current = this.fn.paramNames.has(name) ? this.fn.sig.params.find((p) => p.name === name)?.type : info?.type;
    if (declared && current && declared !== current) {
      report('PTL3006', st.annotation.range, `\`${name}\` is declared ${declared} here but is ${current}${info?.origin ? ` at ${where(info.origin)}` : ''}`);
      return [];
    }
    if (st.value === null) return [];
    // Lambdas and builtins in the value take their types from the declaration (lower-lambda.ts).
    const value = declared ? lowerExpected(st.value, declared, scope) : lowerValue(st.value, scope);
    if (value === null) return [];
    const stored = this.store(st.target.id, value, st.target.range);
    return stored ? [{ kind: 'assign', targets: [st.target.id], value: stored, line }] : [];
  }

  private forStmt(st: ast.For): TStmt[] {
    const line = st.range.start.line;
    const { report } = this;
    let ok = true;
    if (st.is_async) {
      report('PTL2006', st.range, '`async for` loops are not supported');
      ok = false;
    }
    if (!(st.target.type === 'Name' && this.isRangeCall(st.iter))) return ok ? this.forEach(st) : [];
    const range = this.rangeArgs(st.iter);
    const body = this.block(st.body);
    const orelse = this.block(st.orelse);
    if (!ok || range === null || st.target.type !== 'Name') return [];
    const target = st.target.id;
    const stored = this.store(target, { kind: 'local', type: 'int', name: 'range()' }, st.target.range);
    if (stored === null) return [];
    const [start, stop, step] = range;
    const bodyUses = usesOf(st.body, target);
    return [
      {
        kind: 'for',
        target,
        start,
        stop,
        step,
        body,
        orelse,
        hasBreak: hasBreak(body),
        targetIsLoopLocal: this.loopScoped.has(target),
        targetRead: bodyUses.read,
        targetAssigned: bodyUses.assigned,
        line,
      },
    ];
  }

  private isRangeCall(iter: ast.Expr_): boolean {
    const { scope } = this;
    return (
      iter.type === 'Call' &&
      iter.func.type === 'Name' &&
      iter.func.id === 'range' &&
      iter.args.every((a) => a.type !== 'Starred') &&
      !scope.local('range') &&
      !scope.constant('range') &&
      !scope.signature('range') &&
      !scope.symbols.mathImports.has('range')
    );
  }

  /** `for target in <any iterable>`. */
  private forEach(st: ast.For): TStmt[] {
    const line = st.range.start.line;
    const iter = lowerValue(st.iter, this.scope);
    const body = this.block(st.body);
    const orelse = this.block(st.orelse);
    if (iter === null) return [];
    const item = iterItemOf(iter.type);
    if (item === undefined) {
      this.report('PTL3003', st.iter.range, `'${pyClassName(iter.type)}' object is not iterable here`, iter.type.startsWith('tuple[') ? 'Iterate over a tuple whose elements have one type, or unpack it.' : undefined);
      return [];
    }
    const target = this.target(st.target, item);
    if (target === null) return [];
    return [{ kind: 'foreach', target, iter, body, orelse, hasBreak: hasBreak(body), line }];
  }

  /**
   * An assignment target receiving a value of type `type`: a local (which
   * must have that type), a subscript, or unpacking (with one `*name`).
   */
  private target(t: ast.Expr_, type: Ty): Target | null {
    const { report, scope } = this;
    switch (t.type) {
      case 'Name': {
        const stored = this.store(t.id, { kind: 'local', type, name: t.id }, t.range);
        if (stored === null) return null;
        if (stored.type !== type) {
          report('PTL3003', t.range, `\`${t.id}\` is ${withArticle(stored.type)} but gets ${withArticle(type)} here`);
          return null;
        }
        return { kind: 'name', name: t.id, type };
      }
      case 'Subscript': {
        const container = lowerValue(t.value, scope);
        if (container === null) return null;
        const head = headOf(container.type);
        if (t.slice.type === 'Slice') {
          if (head !== 'list') {
            report('PTL3003', t.range, `'${pyClassName(container.type)}' object does not support slice assignment`);
            return null;
          }
          const bound = (x: ast.Expr_ | null): TExpr | null | undefined => {
            if (x === null || (x.type === 'Constant' && x.kind === 'None')) return null;
            const v = lowerValue(x, scope);
            if (v === null) return undefined;
            if (v.type !== 'int' && v.type !== 'bool') {
              report('PTL3003', x.range, 'slice indices must be integers or None');
              return undefined;
            }
            return toInt(v);
          };
          const lower = bound(t.slice.lower);
          const upper = bound(t.slice.upper);
          const step = bound(t.slice.step);
          if (lower === undefined || upper === undefined || step === undefined) return null;
          const item = iterItemOf(type);
          if (item === undefined || unify(item, elementOf(container.type)!) === undefined) {
            report('PTL3003', t.range, `a slice of ${withArticle(container.type)} can only be assigned from an iterable of ${elementOf(container.type)}`);
            return null;
          }
          return { kind: 'slice', container, lower, upper, step, type };
        }
        if (head === 'list') {
          const index = lowerValue(t.slice, scope);
          if (index === null) return null;
          if (index.type !== 'int' && index.type !== 'bool') {
            report('PTL3003', t.slice.range, `list indices must be integers or slices, not ${pyClassName(index.type)}`);
            return null;
          }
          if (unify(type, elementOf(container.type)!) === undefined) {
            report('PTL3003', t.range, `${withArticle(container.type)} cannot hold ${withArticle(type)}`);
            return null;
          }
          return { kind: 'item', container, index: toInt(index), type: elementOf(container.type)! };
        }
        if (head === 'dict') {
          const [k, v] = dictParts(container.type)!;
          const key = lowerValue(t.slice, scope);
          if (key === null) return null;
          const ck = convertTo(key, k, t.slice.range, report, 'the key');
          if (ck === null) return null;
          if (unify(type, v) === undefined && convertTo({ kind: 'local', type, name: '' }, v, t.range, () => {}, '') === null) {
            report('PTL3003', t.range, `${withArticle(container.type)} cannot hold ${withArticle(type)} values`);
            return null;
          }
          return { kind: 'item', container, index: ck, type: v };
        }
        report('PTL3003', t.range, `'${pyClassName(container.type)}' object does not support item assignment`);
        return null;
      }
      case 'Tuple':
      case 'List': {
        const starredAt = t.elts.findIndex((x) => x.type === 'Starred');
        if (t.elts.filter((x) => x.type === 'Starred').length > 1) {
          report('PTL3003', t.range, 'multiple starred expressions in assignment');
          return null;
        }
        const parts = tupleParts(type);
        if (parts && starredAt < 0) {
          if (parts.length !== t.elts.length) {
            report('PTL3003', t.range, parts.length > t.elts.length ? `too many values to unpack (expected ${t.elts.length})` : `not enough values to unpack (expected ${t.elts.length}, got ${parts.length})`);
            return null;
          }
          const elts = t.elts.map((x, i) => this.target(x, parts[i]!));
          return elts.some((x) => x === null) ? null : { kind: 'unpack', elts: elts as Target[], starred: null, type };
        }
        const item = iterItemOf(type);
        if (item === undefined) {
          report('PTL3003', t.range, `cannot unpack ${withArticle(type)}`);
          return null;
        }
        const elts = t.elts.map((x, i) => (i === starredAt ? this.target((x as ast.Starred).value, listOf(item)) : this.target(x, item)));
        return elts.some((x) => x === null) ? null : { kind: 'unpack', elts: elts as Target[], starred: starredAt < 0 ? null : starredAt, type };
      }
      default:
        badTarget(t, report);
        return null;
    }
  }

  /** `a[i] = v`, `a, *b = xs`, `x = y[0] = v`: the value once, then each target left to right. */
  private storeTargets(targets: ast.Expr_[], valueNode: ast.Expr_, line: number): TStmt[] {
    let value = lowerValue(valueNode, this.scope);
    if (value === null) return [];
    const out: Target[] = [];
    for (const t of targets) {
      // A subscript target fixes the type of an empty display: `d[k] = []`.
      if (t.type === 'Subscript' && hasUnknown(value.type)) {
        const c = lowerValue(t.value, silentScope(this.scope));
        const want = c && headOf(c.type) === 'dict' ? dictParts(c.type)![1] : c && headOf(c.type) === 'list' ? (t.slice.type !== 'Slice' ? elementOf(c.type) : c.type) : undefined;
        if (want && unify(value.type, want) === want) value = retype(value, want);
      }
      if (t.type === 'Name') {
        const info = this.fn.locals.get(t.id);
        if (info?.type && hasUnknown(value.type) && unify(value.type, info.type) === info.type) value = retype(value, info.type);
      }
      const target = this.target(t, value.type);
      if (target === null) return [];
      out.push(target);
    }
    // Item targets take the element type (an int into a list[float] slot is refused above unless it unifies).
    return [{ kind: 'store', targets: out, value, line }];
  }

  /** `x[i] op= v`: x and i are evaluated once, as in Python. */
  private augItem(st: ast.AugAssign, t: ast.Subscript): TStmt[] {
    const { report, scope } = this;
    const line = st.range.start.line;
    if (!isPure(t.value) || !isPure(t.slice) || t.slice.type === 'Slice') {
      report('PTL2009', t.range, 'augmented assignment to this subscript is not supported', 'Use a variable for the container and the index: `item = xs[i]` ... or `d[k] = d[k] + 1` with a plain name and key.');
      return [];
    }
    const current = lowerValue(t, scope);
    const value = lowerValue(st.value, scope);
    if (current === null || value === null) return [];
    const inPlace = inPlaceOp(st.op as Exclude<ast.Operator, 'MatMult'>, current, value, st.range, report);
    if (inPlace !== undefined) return inPlace === null ? [] : [{ kind: 'expr', value: inPlace, line }];
    const result = binary(st.op as Exclude<ast.Operator, 'MatMult'>, current, value, st.range, report);
    if (result === null) return [];
    const target = this.target(t, result.type);
    if (target === null) return [];
    if (target.kind === 'item' && result.type !== target.type) {
      const c = coerceValue(result, target.type, 'the item', st.range, report);
      return c ? [{ kind: 'store', targets: [target], value: c, line }] : [];
    }
    return [{ kind: 'store', targets: [target], value: result, line }];
  }

  private deleteStmt(st: ast.Delete): TStmt[] {
    const line = st.range.start.line;
    const out: TStmt[] = [];
    for (const t of st.targets) {
      if (t.type !== 'Subscript') {
        this.report('PTL2001', t.range, t.type === 'Name' ? `\`del ${t.id}\` (unbinding a variable) is not supported` : 'this `del` target is not supported', 'Delete list items or dict keys: `del xs[i]`, `del d[k]`.');
        continue;
      }
      const container = lowerValue(t.value, this.scope);
      if (container === null) continue;
      const head = headOf(container.type);
      if (t.slice.type === 'Slice') {
        const target = this.target(t, container.type);
        if (target) out.push({ kind: 'delitem', target, line });
        continue;
      }
      if (head !== 'list' && head !== 'dict') {
        this.report('PTL3003', t.range, `'${pyClassName(container.type)}' object doesn't support item deletion`);
        continue;
      }
      const item = head === 'list' ? elementOf(container.type)! : dictParts(container.type)![1];
      const target = this.target(t, item);
      if (target) out.push({ kind: 'delitem', target, line });
    }
    return out;
  }

  /** `range(stop)`, `range(start, stop)`, `range(start, stop, step)` with int arguments. */
  private rangeArgs(iter: ast.Expr_): [TExpr, TExpr, TExpr | null] | null {
    const { report, scope } = this;
    const call = iter as ast.Call;
    if (call.keywords.length > 0) {
      report('PTL2010', call.keywords[0]!.range, 'range() takes no keyword arguments');
      return null;
    }
    const n = call.args.length;
    if (n < 1 || n > 3) {
      report('PTL3005', call.range, n === 0 ? 'range expected at least 1 argument, got 0' : `range expected at most 3 arguments, got ${n}`);
      return null;
    }
    const args = call.args.map((a) => {
      const v = lowerValue(a, scope);
      if (v === null) return null;
      if (v.type === 'float') {
        report('PTL3003', a.range, "'float' object cannot be interpreted as an integer", 'range() needs ints; convert with int(...) or round(...).');
        return null;
      }
      return toInt(v);
    });
    if (args.some((a) => a === null)) return null;
    const [a, b, c] = args as TExpr[];
    if (n === 1) return [{ kind: 'literal', type: 'int', value: 0n }, a!, null];
    if (n === 2) return [a!, b!, null];
    const isOne = c!.kind === 'literal' && c!.type === 'int' && c!.value === 1n;
    return [a!, b!, isOne ? null : c!];
  }
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? 'an' : 'a';
}

/** `a, b = x, y` with plain names on both sides' counts matching, or divmod: the fast tuple path. */
function isSimpleUnpack(target: ast.Tuple | ast.List, value: ast.Expr_): boolean {
  if (!target.elts.every((e) => e.type === 'Name')) return false;
  if (value.type === 'Tuple') return value.elts.length === target.elts.length && value.elts.every((e) => e.type !== 'Starred');
  return value.type === 'Call' && value.func.type === 'Name' && value.func.id === 'divmod';
}

/** Expressions without calls, so evaluating them twice is the same as once. */
function isPure(e: ast.Expr_): boolean {
  switch (e.type) {
    case 'Name':
    case 'Constant':
      return true;
    case 'BinOp':
      return isPure(e.left) && isPure(e.right);
    case 'UnaryOp':
      return isPure(e.operand);
    case 'Subscript':
      return isPure(e.value) && isPure(e.slice);
    case 'Tuple':
      return e.elts.every(isPure);
    case 'Attribute':
      return isPure(e.value);
    default:
      return false;
  }
}

function silentScope(scope: Scope): Scope {
  return { ...scope, report: () => {} };
}

/**
 * `+=` on a list extends it in place and `|=`, `&=`, `-=`, `^=` on a set
 * update it in place (other names for the object see the change, as in
 * Python); undefined when the operation is not in-place.
 */
function inPlaceOp(op: Exclude<ast.Operator, 'MatMult'>, current: TExpr, value: TExpr, range: SourceRange, report: Report): TExpr | null | undefined {
  const head = headOf(current.type);
  if (head === 'list' && op === 'Add') {
    const item = iterItemOf(value.type);
    const elem = elementOf(current.type)!;
    if (item === undefined || unify(item, elem) === undefined) {
      report('PTL3003', range, `cannot extend ${withArticle(current.type)} with ${withArticle(value.type)}`);
      return null;
    }
    return { kind: 'method', type: 'None', name: 'list.extend', recv: current, args: [retype(value, value.type.replace('?', elem))] };
  }
  if (head === 'list' && op === 'Mult' && (value.type === 'int' || value.type === 'bool')) {
    return { kind: 'op', type: 'None', op: 'list.irepeat', args: [current, toInt(value)] };
  }
  if (head === 'set' && (op === 'BitOr' || op === 'BitAnd' || op === 'Sub' || op === 'BitXor')) {
    const vh = headOf(value.type);
    if ((vh !== 'set' && vh !== 'frozenset') || unify(elementOf(value.type)!, elementOf(current.type)!) === undefined) {
      report('PTL3003', range, `unsupported operand type(s) for ${{ BitOr: '|=', BitAnd: '&=', Sub: '-=', BitXor: '^=' }[op]}: '${pyClassName(current.type)}' and '${pyClassName(value.type)}'`);
      return null;
    }
    const name = { BitOr: 'update', BitAnd: 'intersection_update', Sub: 'difference_update', BitXor: 'symmetric_difference_update' }[op];
    return { kind: 'method', type: 'None', name: `set.${name}`, recv: current, args: [value] };
  }
  if (head === 'dict' && op === 'BitOr') {
    return { kind: 'method', type: 'None', name: 'dict.update', recv: current, args: [value] };
  }
  return undefined;
}

/** coerce() for every type: scalars as before, containers and Optional through convertTo. */
function coerceValue(e: TExpr, to: ValueType, what: string, range: SourceRange, report: Report): TExpr | null {
  if (isScalar(to) && isScalar(e.type)) return coerce(e, to, what, range, report);
  if (e.type === to) return e;
  const c = convertTo(e, to, range, () => {}, what);
  if (c !== null) return c;
  report('PTL3003', range, `${what} is declared ${to} but gets ${withArticle(e.type)}`);
  return null;
}

function sameType(value: TExpr, type: ValueType, range: SourceRange, report: Report, what: string): TExpr | null {
  if (value.type === type) return value;
  report(
    'PTL3003',
    range,
    `${what} ${type} elsewhere but ${article(value.type)} ${value.type} here`,
    'Return one type on every path, or annotate the return type.',
  );
  return null;
}

function badTarget(t: ast.Expr_, report: Report): void {
  const what =
    t.type === 'Subscript'
      ? 'assignment to a subscript (`x[i] = ...`)'
      : t.type === 'Attribute'
        ? `assignment to an attribute (\`.${t.attr} = ...\`)`
        : t.type === 'Tuple' || t.type === 'List'
          ? 'nested unpacking'
          : t.type === 'UnsupportedExpr' && t.node === 'Starred'
            ? 'starred assignment targets (`*rest`)'
            : 'this assignment target';
  report('PTL2009', t.range, `${what} is not supported`);
}

function describeIterable(e: ast.Expr_): string {
  if (e.type === 'Call' && e.func.type === 'Name') return `\`${e.func.id}(...)\``;
  if (e.type === 'Call' && e.func.type === 'Attribute') return `\`.${e.func.attr}(...)\``;
  if (e.type === 'Name') return `\`${e.id}\``;
  if (e.type === 'List') return 'a list';
  if (e.type === 'Tuple') return 'a tuple';
  if (e.type === 'Constant' && e.kind === 'str') return 'a string';
  return 'this value';
}

/** Whether a loop body (at any depth of `if`, not inside inner loops) breaks out of the loop. */
function hasBreak(body: TStmt[]): boolean {
  return body.some((s) => s.kind === 'break' || (s.kind === 'if' && (hasBreak(s.body) || hasBreak(s.orelse))));
}

/** Whether statements read or assign `name` (at any depth). */
function usesOf(stmts: ast.Stmt[], name: string): { read: boolean; assigned: boolean } {
  let read = false;
  let assigned = false;
  const readIn = (e: ast.Expr_ | null): void => {
    if (e === null) return;
    const visit = (x: ast.Expr_): void => {
      if (x.type === 'Name' && x.id === name) read = true;
    };
    walkExpr(e, visit);
  };
  const walk = (list: ast.Stmt[]): void => {
    for (const st of list) {
      switch (st.type) {
        case 'Assign':
          readIn(st.value);
          st.targets.forEach((t) => forEachTargetRead(t, (n) => n.id === name && (read = true)));
          if (st.targets.some((t) => targetNames(t).some((n) => n.id === name))) assigned = true;
          break;
        case 'Delete':
          st.targets.forEach((t) => readIn(t));
          break;
        case 'AugAssign':
          readIn(st.value);
          forEachTargetRead(st.target, (n) => n.id === name && (read = true));
          if (targetNames(st.target).some((n) => n.id === name)) {
            assigned = true;
            read = true;
          }
          break;
        case 'AnnAssign':
          readIn(st.value);
          if (st.value && targetNames(st.target).some((n) => n.id === name)) assigned = true;
          break;
        case 'For':
          readIn(st.iter);
          if (targetNames(st.target).some((n) => n.id === name)) assigned = true;
          walk(st.body);
          walk(st.orelse);
          break;
        case 'While':
        case 'If':
          readIn(st.test);
          walk(st.body);
          walk(st.orelse);
          break;
        case 'Expr':
          readIn(st.value);
          break;
        case 'Return':
          readIn(st.value);
          break;
        default:
          break;
      }
    }
  };
  walk(stmts);
  return { read, assigned };
}
