/**
 * Shared cells: a variable of a function that nested functions change
 * (`nonlocal`) or that changes after a nested function could read it.
 * Python's closures share the variable itself; Portalis keeps it in a
 * one-item list (`name__cell`, a `list[T]` handle), so the function and every
 * closure made from it read and write the same object:
 *
 *   count = start        →  count__cell = [start]   (at the function's start: [] or [param])
 *   count += 1           →  functions.cell_set(count__cell, count__cell[0] + 1)
 *   return count         →  return count__cell[0]
 *
 * Nested functions receive the cell (closures.ts captures), not a copy.
 */
import type * as ast from '../ingest/ast.js';
import { binary, coerce, lowerValue, type Scope } from './lower-expr.js';
import { convertTo } from './lower-values.js';
import { isScalar, listOf } from './ty.js';
import type { TExpr, TStmt, ValueType } from './types.js';

/** The name of the local holding `name`'s cell. */
export const cellName = (name: string): string => `${name}__cell`;

/** The cell's local (a `list[T]`). */
export function cellLocal(name: string, type: ValueType): TExpr {
  return { kind: 'local', type: listOf(type), name: cellName(name) };
}

/** `name` read through its cell: `name__cell[0]`. */
export function cellRead(name: string, type: ValueType): TExpr {
  return { kind: 'index', type, value: cellLocal(name, type), index: { kind: 'literal', type: 'int', value: 0n } };
}

function setCell(name: string, type: ValueType, value: TExpr, line: number): TStmt[] {
  return [{ kind: 'expr', value: { kind: 'op', type: 'None', op: 'functions.cell_set', args: [cellLocal(name, type), value] }, line }];
}

/** `name = value` for a cell variable. */
export function storeCell(target: ast.Name, valueNode: ast.Expr_, type: ValueType, scope: Scope, line: number): TStmt[] {
  const v = lowerValue(valueNode, scope);
  if (v === null) return [];
  const what = `\`${target.id}\``;
  const value = isScalar(type) && isScalar(v.type) ? coerce(v, type, what, valueNode.range, scope.report) : convertTo(v, type, valueNode.range, scope.report, what);
  return value === null ? [] : setCell(target.id, type, value, line);
}

/** `name op= value` for a cell variable of a number type. */
export function augStoreCell(st: ast.AugAssign, type: ValueType, scope: Scope, line: number): TStmt[] {
  const target = st.target as ast.Name;
  if (!isScalar(type) || st.op === 'MatMult') {
    scope.report('PTL2001', st.range, `\`${target.id} op= ...\` on a variable shared with a nested function is supported for numbers only`, 'Write `x = x + ...`.');
    return [];
  }
  const rhs = lowerValue(st.value, scope);
  if (rhs === null) return [];
  const result = binary(st.op, cellRead(target.id, type), rhs, st.range, scope.report);
  const value = result === null ? null : coerce(result, type, `\`${target.id}\``, st.range, scope.report);
  return value === null ? [] : setCell(target.id, type, value, line);
}

/** The statements that make a function's cells when it starts: `[]`, or `[param]` for a parameter. */
export function cellPrologue(cells: readonly { name: string; type: ValueType; param: boolean }[], line: number): TStmt[] {
  return cells.map((c) => ({
    kind: 'assign',
    targets: [cellName(c.name)],
    value: { kind: 'display', of: 'list', type: listOf(c.type), elts: c.param ? [{ kind: 'local', type: c.type, name: c.name }] : [], starred: c.param ? [false] : [] },
    line,
  }));
}

/** The hidden target of a `for` loop over a cell variable. */
export const loopName = (name: string): string => `${name}__loop`;

/**
 * `for i in xs: body` where `i` is a cell: `for i__loop in xs: i = i__loop; body`
 * (the store goes to the cell). Registers `i__loop` as a local of `i`'s type.
 */
export function loopIntoCell(st: ast.For, fn: { readonly locals: Map<string, { type: ValueType | undefined; declared: boolean; origin: ast.Expr_['range'] | undefined; originLiteral: string | undefined }> }): ast.For {
  const target = st.target as ast.Name;
  const temp = loopName(target.id);
  const info = fn.locals.get(target.id);
  if (info && !fn.locals.has(temp)) fn.locals.set(temp, { ...info });
  const tempName = { ...target, id: temp } as ast.Name;
  const store = { type: 'Assign', range: target.range, targets: [target], value: tempName } as unknown as ast.Stmt;
  return { ...st, target: tempName, body: [store, ...st.body] };
}
