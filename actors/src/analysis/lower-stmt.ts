/**
 * Statements: checks and lowers one function body to the IR, after types
 * have been inferred (functions.ts). Reports unsupported statements, type
 * conflicts (PTL3006), reads of possibly-unassigned locals (PTL3009/PTL3008)
 * and missing returns (PTL3007), using the control-flow facts of flow.ts.
 * Statements that can never run are checked but left out of the IR.
 */
import type * as ast from '../ingest/ast.js';
import type { SourceRange } from '../diagnostics/diagnostic.js';
import { analyzeFlow, isAlwaysTrue, loopScopedTargets, targetNames } from './flow.js';
import { functionScope, isDivmodCall, type FunctionState, type ModuleContext, unpackedTypes } from './functions.js';
import { binary, coerce, lowerStatementValue, lowerTest, lowerValue, type Scope, toInt } from './lower-expr.js';
import { lowerScriptStatement } from './lower-print.js';
import { refuseStatement } from './refusals.js';
import { type Report, where } from './report.js';
import { annotationType } from './signatures.js';
import type { FunctionIR, LocalIR, ReturnType, TExpr, TStmt, TupleExpr, ValueType } from './types.js';
import { walkExpr } from '../ingest/ast-walk.js';

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
  const flow = analyzeFlow(node.body, [...params, ...fn.refusedParams], new Set([...fn.locals.keys(), ...params]));
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

  const lowerer = new BodyLowerer(fn, ctx, scope, counting, flow.dead, loopScoped);
  const body = lowerer.block(node.body);

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
    locals.push({ name, type: info.type, mutable: flow.mutable.has(name), loopScoped: loopScoped.has(name) });
  }
  if (errorsBefore.count > 0 || sig.returns === undefined || sig.params.some((p) => p.type === undefined)) return null;
  return {
    name: sig.name,
    exported: sig.exported,
    params: sig.params.map((p) => ({ name: p.name, type: p.type!, mutable: flow.mutable.has(p.name) })),
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
    private readonly scope: Scope,
    private readonly report: Report,
    private readonly dead: Set<ast.Stmt>,
    private readonly loopScoped: Set<string>,
  ) {}

  block(stmts: ast.Stmt[]): TStmt[] {
    const out: TStmt[] = [];
    stmts.forEach((st, i) => {
      if (i === 0 && st.type === 'Expr' && st.value.type === 'Constant' && st.value.kind === 'str') return; // docstring
      const lowered = this.statement(st);
      if (!this.dead.has(st)) out.push(...lowered);
    });
    return out;
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
        return this.assign(st);
      case 'AugAssign':
        return this.augAssign(st);
      case 'AnnAssign':
        return this.annAssign(st);
      case 'If': {
        const test = lowerTest(st.test, scope);
        const body = this.block(st.body);
        const orelse = this.block(st.orelse);
        return test ? [{ kind: 'if', test, body, orelse, line }] : [];
      }
      case 'While': {
        const infinite = isAlwaysTrue(st.test);
        const test = infinite ? null : lowerTest(st.test, scope);
        const body = this.block(st.body);
        const orelse = this.block(st.orelse);
        if (!infinite && test === null) return [];
        return [{ kind: 'while', test, body, orelse: infinite ? [] : orelse, hasBreak: hasBreak(body), line }];
      }
      case 'For':
        return this.forStmt(st);
      case 'FunctionDef':
        report('PTL2001', st.nameRange, 'nested functions are not supported', 'Define the function at module level and pass it what it needs as parameters.');
        return [];
      case 'Import':
      case 'ImportFrom':
        report('PTL2005', st.range, 'imports inside functions are not supported', 'Write `import math` (or `from math import ...`) at module level.');
        return [];
      case 'Global':
      case 'Nonlocal': {
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
      ? coerce(value, returns, `the return value of \`${this.fn.sig.name}\``, st.value!.range, this.report)
      : sameType(value, returns, st.value!.range, this.report, `\`${this.fn.sig.name}\` returns`);
    return converted ? [{ kind: 'return', value: converted, line }] : [];
  }

  /** Checks a value assigned to a local and converts it to the local's type. */
  private store(name: string, value: TExpr, range: SourceRange): TExpr | null {
    const fn = this.fn;
    if (fn.paramNames.has(name)) {
      const type = fn.sig.params.find((p) => p.name === name)!.type;
      return type ? coerce(value, type, `parameter \`${name}\``, range, this.report) : null;
    }
    const info = fn.locals.get(name);
    if (!info || info.type === undefined) return null;
    if (info.declared) return coerce(value, info.type, `\`${name}\``, range, this.report);
    if (value.type === info.type) return value;
    // Reported with both places by functions.ts (findConflicts).
    if (!fn.conflicted.has(name)) this.report('PTL3006', range, `\`${name}\` is assigned ${article(info.type)} ${info.type} and ${article(value.type)} ${value.type} here`);
    return null;
  }

  private assign(st: ast.Assign): TStmt[] {
    const line = st.range.start.line;
    const { report, scope } = this;
    const first = st.targets[0]!;
    if (st.targets.length === 1 && (first.type === 'Tuple' || first.type === 'List')) return this.unpack(first, st.value, line);
    for (const t of st.targets) {
      if (t.type !== 'Name') {
        badTarget(t, report);
        lowerValue(st.value, scope);
        return [];
      }
    }
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
    if (st.target.type !== 'Name') {
      badTarget(st.target, report);
      lowerValue(st.value, scope);
      return [];
    }
    if (st.op === 'MatMult') {
      report('PTL2002', st.range, 'the `@=` operator is not supported');
      return [];
    }
    const current = lowerValue(st.target, scope);
    const value = lowerValue(st.value, scope);
    if (current === null || value === null) return [];
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
    const declared = annotationType(st.annotation, this.ctx.source, report, false) as ValueType | undefined;
    const info = this.fn.locals.get(name);
    const current = this.fn.paramNames.has(name) ? this.fn.sig.params.find((p) => p.name === name)?.type : info?.type;
    if (declared && current && declared !== current) {
      report('PTL3006', st.annotation.range, `\`${name}\` is declared ${declared} here but is ${current}${info?.origin ? ` at ${where(info.origin)}` : ''}`);
      return [];
    }
    if (st.value === null) return [];
    const value = lowerValue(st.value, scope);
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
    if (st.target.type !== 'Name') {
      report('PTL2009', st.target.range, 'the target of a `for` loop must be a plain name', 'Loop with `for i in range(...)`.');
      ok = false;
    }
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

  /** `range(stop)`, `range(start, stop)`, `range(start, stop, step)` with int arguments. */
  private rangeArgs(iter: ast.Expr_): [TExpr, TExpr, TExpr | null] | null {
    const { report, scope } = this;
    const isRange =
      iter.type === 'Call' &&
      iter.func.type === 'Name' &&
      iter.func.id === 'range' &&
      !scope.local('range') &&
      !scope.constant('range') &&
      !scope.signature('range') &&
      !scope.symbols.mathImports.has('range');
    if (!isRange) {
      report('PTL2008', iter.range, `only \`range(...)\` can be iterated over, not ${describeIterable(iter)}`);
      return null;
    }
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
  return t === 'int' ? 'an' : 'a';
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
          if (st.targets.some((t) => targetNames(t).some((n) => n.id === name))) assigned = true;
          break;
        case 'AugAssign':
          readIn(st.value);
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
