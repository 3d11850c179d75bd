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
import { convertTo, withLocals } from './lower-values.js';
import { callableOf, callableParts, dictParts, elementOf, headOf, type Ty } from './ty.js';
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

/** A user function's signature, possibly a nested function's (then its captured variables are extra arguments). */
export interface FunctionValueSig {
  readonly name: string;
  readonly params: readonly { readonly name: string; readonly type: Ty | undefined; readonly kind?: 'positional' | 'varargs' | 'keywordOnly' }[];
  readonly returns: Ty | undefined;
  /** Nested functions (closures.ts): the enclosing variables passed after the parameters. */
  readonly captures?: readonly { readonly name: string; readonly type: Ty | undefined }[];
}

/**
 * A user function named as a value (`f = double`, `apply(double, x)`,
 * `return inner`): a closure calling it. Null while its types are unknown.
 */
export function functionValue(sig: FunctionValueSig, node: ast.Expr_, scope: Scope): TExpr | null {
  if (sig.params.some((p) => p.kind === 'varargs' || p.kind === 'keywordOnly')) {
    scope.report('PTL2002', node.range, `\`${sig.name}\` has *args or keyword-only parameters, so it cannot be used as a value yet`);
    return null;
  }
  if (scope.inConstant) {
    scope.report('PTL2011', node.range, `module constants cannot hold functions (\`${sig.name}\`) yet; use the function by name where it is needed`);
    return null;
  }
  if (sig.returns === undefined || sig.params.some((p) => p.type === undefined)) return null;
  const captures = (sig.captures ?? []).map((c) => ({ name: c.name, type: c.type }));
  if (captures.some((c) => c.type === undefined)) return null;
  const params = sig.params.map((p, i) => ({ name: `__portalis_arg${i}`, type: p.type! }));
  const typedCaptures = captures as { name: string; type: Ty }[];
  const args: TExpr[] = [...params, ...typedCaptures].map((p) => ({ kind: 'local', name: p.name, type: p.type }));
  if (sig.returns === 'None') {
    scope.report('PTL2002', node.range, `\`${sig.name}\` returns None; functions returning None cannot be used as values yet`);
    return null;
  }
  const body: TExpr = { kind: 'call', type: sig.returns, func: sig.name, args, evalOrder: null };
  return { kind: 'lambda', type: callableOf(params.map((p) => p.type), sig.returns), params, body, captures: typedCaptures };
}

/** `f(args)` where `f` is a value of Callable type: arguments converted to its parameter types. */
export function callFunctionValue(callee: TExpr, e: ast.Call, scope: Scope): TExpr | null {
  const parts = callableParts(callee.type);
  if (parts === undefined) return null;
  if (e.keywords.length > 0 || e.args.some((a) => a.type === 'Starred')) {
    scope.report('PTL2010', e.range, 'calls of function values take positional arguments only (no keywords, no `*`)');
    return null;
  }
  if (e.args.length !== parts.params.length) {
    scope.report('PTL3005', e.range, `this function takes ${parts.params.length} positional argument${parts.params.length === 1 ? '' : 's'} but ${e.args.length} ${e.args.length === 1 ? 'was' : 'were'} given`);
    return null;
  }
  const args: TExpr[] = [];
  for (let i = 0; i < e.args.length; i++) {
    const v = lowerValue(e.args[i]!, scope);
    const c = v === null ? null : convertTo(v, parts.params[i]!, e.args[i]!.range, scope.report, `argument ${i + 1} of this function`);
    if (c === null) return null;
    args.push(c);
  }
  if (parts.ret === 'None') {
    scope.report('PTL2002', e.range, 'calls of function values returning None are not supported yet');
    return null;
  }
  return { kind: 'callValue', type: parts.ret, callee, args };
}

/**
 * A value written where its type is declared (`ops: dict[str, Callable[[int, int], int]] =
 * {"add": lambda a, b: a + b}`): lambdas and builtins inside displays take their parameter
 * types from the declaration. Such a lambda may be called at any later time, so it may not
 * read local variables (captured by value here, read late in Python).
 */
export function lowerExpected(node: ast.Expr_, type: Ty, scope: Scope): TExpr | null {
  const fn = callableParts(type);
  if (fn && (node.type === 'Lambda' || (node.type === 'Name' && !scope.local(node.id) && !scope.constant(node.id) && !scope.signature(node.id)))) {
    const f = lowerFunctionValue(node, fn.params, scope, 'this value');
    if (f === null) return null;
    if (f.kind === 'lambda' && f.captures.length > 0) {
      scope.report('PTL2002', node.range, `this lambda reads \`${f.captures[0]!.name}\` of the enclosing code and may be called later; closures over changing variables are not supported yet`, 'Pass the value as a parameter, or use a nested `def`.');
      return null;
    }
    return f;
  }
  const head = headOf(type);
  if (node.type === 'Dict' && head === 'dict' && node.keys.every((k) => k !== null) && containsLambda(node)) {
    const [kt, vt] = dictParts(type)!;
    const keys: TExpr[] = [];
    const values: TExpr[] = [];
    for (let i = 0; i < node.keys.length; i++) {
      const k = lowerValue(node.keys[i]!, scope);
      const v = lowerExpected(node.values[i]!, vt, scope);
      const kc = k === null ? null : convertTo(k, kt, node.keys[i]!.range, scope.report, 'this key');
      const vc = v === null ? null : convertTo(v, vt, node.values[i]!.range, scope.report, 'this value');
      if (kc === null || vc === null) return null;
      keys.push(kc);
      values.push(vc);
    }
    return { kind: 'dictDisplay', type, keys, values };
  }
  if (node.type === 'List' && head === 'list' && containsLambda(node) && node.elts.every((x) => x.type !== 'Starred')) {
    const item = elementOf(type)!;
    const elts: TExpr[] = [];
    for (const x of node.elts) {
      const v = lowerExpected(x, item, scope);
      const c = v === null ? null : convertTo(v, item, x.range, scope.report, 'this item');
      if (c === null) return null;
      elts.push(c);
    }
    return { kind: 'display', of: 'list', type, elts, starred: elts.map(() => false) };
  }
  return lowerValue(node, scope);
}

function containsLambda(node: ast.Dict | ast.List): boolean {
  const items = node.type === 'Dict' ? node.values : node.elts;
  return items.some((x) => x.type === 'Lambda' || x.type === 'Name' || x.type === 'Dict' || x.type === 'List');
}
