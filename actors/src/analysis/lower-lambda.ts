/**
 * Functions as values: `lambda` expressions and functions passed by name
 * (`key=len`, `map(str, xs)`, `sorted(xs, key=score)`), typed from where
 * they are used: the parameter types come from the consumer (the items of
 * the list `sorted` orders), the result type from the body.
 *
 * Python closures read the variables they mention when they run, not when
 * they are made. The IR's LambdaExpr captures by value, which is the same
 * thing only when nothing can assign those variables between the making and
 * the last call. `lowerFunctionValue` is therefore offered to consumers that
 * call the function before they return (`key=`, eager `map`/`filter`); a
 * lambda anywhere else is refused until closures with shared cells land.
 */
import type * as ast from '../ingest/ast.js';
import { lowerValue, type Scope } from './lower-expr.js';
import { refuseExpression } from './refusals.js';
import { withLocals } from './lower-values.js';
import { callableOf, callableParts, type Ty } from './ty.js';
import type { TExpr } from './types.js';
import { subExpressions } from './ir-walk.js';

export function lowerLambda(e: ast.Lambda, scope: Scope): TExpr | null {
  const refusal = refuseExpression('Lambda');
  scope.report(
    refusal.code,
    e.range,
    'a lambda is supported where it is called right away with known argument types (key= of sorted/min/max/list.sort, map, filter)',
    'Use a `def` with annotated parameters, or pass the lambda as key=/to map()/filter().',
  );
  return null;
}

/** The locals `body` reads that are not among `bound` (comprehension variables inside it excluded). */
function freeLocals(body: TExpr, bound: ReadonlySet<string>): { name: string; type: Ty }[] {
  const out = new Map<string, Ty>();
  const visit = (e: TExpr, inner: ReadonlySet<string>): void => {
    if (e.kind === 'local' && !inner.has(e.name) && !out.has(e.name)) out.set(e.name, e.type);
    const nested = e.kind === 'comp' ? new Set([...inner, ...e.locals.map((l) => l.name)]) : e.kind === 'lambda' ? new Set([...inner, ...e.params.map((p) => p.name)]) : inner;
    for (const s of subExpressions(e)) visit(s, nested);
  };
  visit(body, bound);
  return [...out].map(([name, type]) => ({ name, type }));
}

/** `lambda a, b: body` with parameter types given by the consumer. */
export function lowerLambdaTyped(e: ast.Lambda, paramTypes: readonly Ty[], scope: Scope): TExpr | null {
  const a = e.args;
  if (a.vararg || a.kwarg || a.kwonlyargs.length > 0 || a.defaults.length > 0) {
    scope.report('PTL2006', e.range, 'lambdas with default values, `*args`, `**kwargs` or keyword-only parameters are not supported here');
    return null;
  }
  const names = [...a.posonlyargs, ...a.args].map((p) => p.arg);
  if (names.length !== paramTypes.length) {
    scope.report(
      'PTL3005',
      e.range,
      `<lambda>() takes ${names.length} positional argument${names.length === 1 ? '' : 's'} but ${paramTypes.length} ${paramTypes.length === 1 ? 'was' : 'were'} given`,
    );
    return null;
  }
  const params = names.map((name, i) => ({ name, type: paramTypes[i]! }));
  const body = lowerValue(e.body, withLocals(scope, new Map(params.map((p) => [p.name, p.type]))));
  if (body === null) return null;
  if (body.type === 'None') {
    scope.report('PTL2002', e.body.range, 'a lambda whose result is None is not supported here');
    return null;
  }
  return { kind: 'lambda', type: callableOf(params.map((p) => p.type), body.type), params, body, captures: freeLocals(body, new Set(names)) };
}

const noRange = (e: ast.Expr_): ast.Expr_['range'] => e.range;

/** Builtin types whose methods may be passed unbound (`key=str.lower`). */
const TYPE_NAMES = new Set(['str', 'list', 'dict', 'set', 'tuple', 'int', 'float']);

function sourceName(node: ast.Expr_): string {
  return node.type === 'Attribute' && node.value.type === 'Name' ? `${node.value.id}.${node.attr}` : 'this function';
}

/**
 * A function argument called with `paramTypes`: a lambda, the name of a
 * module function or builtin (`len`, `str`, `abs`...), or a value of
 * Callable type taking those parameters.
 */
export function lowerFunctionValue(node: ast.Expr_, paramTypes: readonly Ty[], scope: Scope, what: string): TExpr | null {
  if (node.type === 'Lambda') return lowerLambdaTyped(node, paramTypes, scope);
  const unbound = node.type === 'Attribute' && node.value.type === 'Name' && TYPE_NAMES.has(node.value.id) && !scope.local(node.value.id) && !scope.constant(node.value.id);
  if ((node.type === 'Name' && !scope.local(node.id) && !scope.constant(node.id)) || (unbound && paramTypes.length > 0)) {
    // `f` stands for `lambda p0, ...: f(p0, ...)`; `str.upper` for `lambda p0: p0.upper()`.
    const params = paramTypes.map((type, i) => ({ name: `__portalis_arg${i}`, type }));
    const args = params.map((p): ast.Name => ({ type: 'Name', id: p.name, range: node.range }) as ast.Name);
    const func: ast.Expr_ = node.type === 'Attribute' ? ({ ...node, value: args[0]! } as ast.Expr_) : node;
    const call: ast.Call = {
      type: 'Call',
      range: noRange(node),
      func,
      args: node.type === 'Attribute' ? args.slice(1) : args,
      keywords: [],
    } as ast.Call;
    const shown = node.type === 'Name' ? node.id : sourceName(node);
    const body = lowerValue(call, withLocals(scope, new Map(params.map((p) => [p.name, p.type]))));
    if (body === null) return null;
    if (body.type === 'None') {
      scope.report('PTL2002', node.range, `\`${shown}\` returns None, so it cannot be used as ${what}`);
      return null;
    }
    return { kind: 'lambda', type: callableOf(params.map((p) => p.type), body.type), params, body, captures: [] };
  }
  const v = lowerValue(node, scope);
  if (v === null) return null;
  const parts = callableParts(v.type);
  if (parts === undefined || parts.params.length !== paramTypes.length || parts.params.some((p, i) => p !== paramTypes[i])) {
    scope.report('PTL3003', node.range, `${what} should be a function taking (${paramTypes.join(', ')}) but is ${v.type}`);
    return null;
  }
  return v;
}
