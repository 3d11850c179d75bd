/**
 * Default parameter values (`def f(x: int, k: int = 2)`).
 *
 * CPython evaluates a default once, when the `def` runs, and every call that
 * leaves the parameter out shares that one object. For an immutable value
 * (numbers, str, None, tuples and frozensets of those, functions) sharing
 * cannot be told apart from evaluating the expression again at the call, so
 * Portalis inserts the default's value at each call that omits the argument.
 * The expression is typed in the module's scope (as CPython evaluates it:
 * constants, math, builtins; no locals of the caller). A mutable default
 * (a list, dict or set) is one shared object, as in CPython: a hidden module
 * constant named `f.<default>.param`, made at its first use (its expression
 * has no effects, so when it is made cannot be observed).
 */
import type * as ast from '../ingest/ast.js';
import { coerce, lowerValue, type Scope } from './lower-expr.js';
import type { Report } from './report.js';
import { convertTo } from './lower-values.js';
import { headOf, isHashable, isScalar } from './ty.js';
import type { TExpr, ValueType } from './types.js';

/** The scope a default is evaluated in: the call's module-level names, no locals. */
function moduleScope(scope: Scope, report: Report): Scope {
  return { ...scope, report, local: () => undefined };
}

/** Values whose sharing between calls cannot be observed. */
export function isImmutableType(t: ValueType): boolean {
  return isHashable(t) || headOf(t) === 'Callable';
}

/** The default converted to the parameter's type; null when it cannot be (reported to `report`). */
export function lowerDefault(node: ast.Expr_, paramName: string, type: ValueType, scope: Scope, report: Report, functionName?: string): TExpr | null {
  const v = lowerValue(node, moduleScope(scope, report));
  if (v === null) return null;
  const what = `the default of \`${paramName}\``;
  const converted = isScalar(type) && isScalar(v.type) ? coerce(v, type, what, node.range, report) : convertTo(v, type, node.range, report, what);
  if (converted === null) return null;
  if (isImmutableType(converted.type)) return converted;
  // A list, dict or set: one object made once (a hidden module constant, transpile.ts makes it
  // once and shares it), which every call that leaves the parameter out receives.
  const registry = scope.symbols.defaults;
  if (!registry || !functionName) {
    report('PTL2006', node.range, `a mutable default value (${converted.type}) is not supported here`, `Use \`${paramName}: Optional[${type}] = None\` and create the value inside the function.`);
    return null;
  }
  const name = `${functionName}.<default>.${paramName}`;
  if (!registry.has(name)) {
    registry.set(name, { name, type: converted.type, value: converted, line: node.range.start.line, range: node.range });
  }
  return { kind: 'constant', type: converted.type, name };
}

/** Checks every default of a signature once, at its `def` (the calls then use them silently). */
export function checkDefaults(
  functionName: string,
  params: readonly { readonly name: string; readonly type: ValueType | undefined; readonly default?: ast.Expr_ | null }[],
  scope: Scope,
  report: Report,
): void {
  for (const p of params) {
    if (p.default && p.type !== undefined) lowerDefault(p.default, p.name, p.type, scope, report, functionName);
  }
}
