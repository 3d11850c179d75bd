/**
 * Module variables (script mode): top-level names that functions read and
 * that change: assigned more than once at the top level, bound by a loop or
 * inside a block, or declared `global` by a function. (A name assigned once
 * by a plain top-level assignment is a module constant instead, constants.ts.)
 *
 * Each is one value for the whole run (transpile.ts: a thread-local cell
 * with a getter and a setter). Its type comes from its top-level annotation,
 * or else from the value of its first top-level assignment, typed as a
 * module constant's would be. Reads anywhere are `constant` references;
 * assignments to it (at the top level, or in a function that declares it
 * `global`) are `functions.global_set` operations.
 *
 * Reading one before its first top-level assignment has run is refused at
 * compile time (script.ts, PTL3004), as for constants.
 */
import type * as ast from '../ingest/ast.js';
import { binary, coerce, lowerValue, type Scope, type Signature } from './lower-expr.js';
import { convertTo } from './lower-values.js';
import type { ModuleSymbols } from './module.js';
import type { Report } from './report.js';
import type { ModuleVariable } from './script.js';
import { annotationType } from './signatures.js';
import { isScalar } from './ty.js';
import type { ConstantIR, TExpr, TStmt, ValueType } from './types.js';

/** Types the module variables; their types join `constantTypes`. Returns their IR (`variable: true`). */
export function typeModuleVariables(
  variables: ReadonlyMap<string, ModuleVariable>,
  symbols: ModuleSymbols,
  sigs: ReadonlyMap<string, Signature>,
  constantTypes: Map<string, ValueType | undefined>,
  source: string,
  report: Report,
): ConstantIR[] {
  const out: ConstantIR[] = [];
  for (const v of variables.values()) {
    let type: ValueType | undefined;
    if (v.annotation) {
      type = annotationType(v.annotation, source, report, false) as ValueType | undefined;
    } else if (v.value) {
      const scope: Scope = {
        symbols,
        inConstant: true,
        report: () => {},
        local: () => undefined,
        constant: (name) => (constantTypes.has(name) && name !== v.name ? { type: constantTypes.get(name) } : undefined),
        signature: (name) => sigs.get(name),
      };
      type = lowerValue(v.value, scope)?.type;
      if (type !== undefined && type.includes('?')) type = undefined;
    }
    if (type === undefined) {
      report(
        'PTL3008',
        v.range,
        `the type of the module variable \`${v.name}\` cannot be determined from its first assignment`,
        `Annotate it where it is first assigned, for example \`${v.name}: int = 0\`.`,
      );
      constantTypes.set(v.name, undefined);
      continue;
    }
    constantTypes.set(v.name, type);
    const line = v.first.range.start.line;
    out.push({ name: v.name, type, value: { kind: 'none', type }, line, range: v.range, variable: true });
  }
  return out;
}

const ref = (name: string, type: ValueType): TExpr => ({ kind: 'constant', type, name });

/** `name = value` / `name: T = value` where `name` is a module variable. */
export function storeGlobal(target: ast.Name, valueNode: ast.Expr_, scope: Scope, line: number): TStmt[] {
  const c = scope.constant(target.id);
  const type = c && 'type' in c ? c.type : undefined;
  const v = lowerValue(valueNode, scope);
  if (v === null || type === undefined) return [];
  const what = `module variable \`${target.id}\``;
  const value = isScalar(type) && isScalar(v.type) ? coerce(v, type, what, valueNode.range, scope.report) : convertTo(v, type, valueNode.range, scope.report, what);
  if (value === null) return [];
  return [{ kind: 'expr', value: { kind: 'op', type: 'None', op: 'functions.global_set', args: [ref(target.id, type), value] }, line }];
}

/** `name op= value` where `name` is a module variable (numbers and str; containers change in place through methods). */
export function augStoreGlobal(st: ast.AugAssign, scope: Scope, line: number): TStmt[] {
  const target = st.target as ast.Name;
  const c = scope.constant(target.id);
  const type = c && 'type' in c ? c.type : undefined;
  if (type === undefined) return [];
  if (!isScalar(type) && type !== 'str') {
    scope.report('PTL2001', st.range, `\`${target.id} ${st.op === 'Add' ? '+' : ''}= ...\` on a module variable holding a ${type} is not supported`, 'Change it through its methods (`xs.extend(...)`), which every function sees.');
    return [];
  }
  if (st.op === 'MatMult') return [];
  const rhs = lowerValue(st.value, scope);
  if (rhs === null) return [];
  const result = binary(st.op, ref(target.id, type), rhs, st.range, scope.report);
  if (result === null) return [];
  const value = isScalar(type) && isScalar(result.type) ? coerce(result, type, `module variable \`${target.id}\``, st.range, scope.report) : result.type === type ? result : null;
  if (value === null) {
    if (!isScalar(type)) scope.report('PTL3006', st.range, `\`${target.id}\` is ${type} but this gives ${result.type}`);
    return [];
  }
  return [{ kind: 'expr', value: { kind: 'op', type: 'None', op: 'functions.global_set', args: [ref(target.id, type), value] }, line }];
}
