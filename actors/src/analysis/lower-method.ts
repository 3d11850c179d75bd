/**
 * Method calls on values of the builtin types (`s.split(",")`,
 * `xs.append(x)`, `d.get(k, 0)`), typed from method-table.ts with CPython's
 * arity and keyword rules and messages.
 */
import type * as ast from '../ingest/ast.js';
import { lowerValue, type Scope } from './lower-expr.js';
import { convertTo, retype } from './lower-values.js';
import { METHODS, type MethodParam, methodSignature } from './method-table.js';
import { dictParts, elementOf, hasUnknown, headOf, iterItemOf, pyClassName, type Ty, unify } from './ty.js';
import type { TExpr } from './types.js';
import { CONTAINERS_METHODS } from './builtins-containers.js';
import { FUNCTIONS_METHODS } from './builtins-functions.js';
import { IO_METHODS } from './builtins-io.js';
import { TEXT_METHODS } from './builtins-text.js';

/** Extra methods whose typing is not a plain signature (keyword-only flags, callables): provided by other modules; undefined leaves the call to the table. */
export type SpecialMethod = (recv: TExpr, e: ast.Call, scope: Scope) => TExpr | null | undefined;
function specialMethod(name: string): SpecialMethod | undefined {
  return TEXT_METHODS[name] ?? CONTAINERS_METHODS[name] ?? FUNCTIONS_METHODS[name] ?? IO_METHODS[name];
}

function vars(recv: Ty): Record<string, string> {
  const d = dictParts(recv);
  if (d) return { K: d[0], V: d[1] };
  const e = elementOf(recv) ?? iterItemOf(recv);
  return e ? { E: e } : {};
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** An argument for a parameter of the table's type. */
function bindArg(p: MethodParam, arg: ast.Expr_, scope: Scope, method: string): TExpr | null {
  const v = lowerValue(arg, scope);
  if (v === null) return null;
  const iterable = /^Iterable\[(.+)\]$/.exec(p.type);
  if (iterable) {
    const want = iterable[1]!;
    const item = iterItemOf(v.type);
    if (item === undefined || unify(item, want) === undefined) {
      scope.report('PTL3003', arg.range, `${method}() needs an iterable of ${want}, not ${v.type}`);
      return null;
    }
    // An empty display (`"-".join([])`) takes the item type the method wants.
    const h = headOf(v.type);
    if (item.includes('?') && (h === 'list' || h === 'set' || h === 'frozenset')) return retype(v, `${h}[${unify(item, want)!}]`);
    return v;
  }
  // `d.get(k, 0)` on a dict not completed yet (`d = {}` before `d[k] = d.get(k, 0) + 1`): the
  // arguments only look, so they may have any type the dict's parts can become (type inference).
  if (method === 'dict.get' && hasUnknown(p.type) && v.type !== p.type && unify(v.type, p.type) !== undefined) return v;
  return convertTo(v, p.type, arg.range, scope.report, `argument \`${p.name}\` of ${method}()`);
}

export function lowerMethodCall(recvNode: ast.Expr_, attr: string, e: ast.Call, scope: Scope): TExpr | null {
  const recv = lowerValue(recvNode, scope);
  if (recv === null) return null;
  const head = headOf(recv.type);
  const cls = head === 'tupleN' ? 'tuple' : head;
  const shown = `${pyClassName(recv.type)}.${attr}`;
  const special = specialMethod(`${cls}.${attr}`);
  const byHand = special ? special(recv, e, scope) : undefined;
  if (byHand !== undefined) return byHand;
  const spec = METHODS[cls]?.[attr];
  if (spec === undefined) {
    scope.report('PTL2007', e.func.range, `'${pyClassName(recv.type)}' object has no attribute '${attr}'${METHODS[cls] ? '' : ' (or it is not supported)'}`);
    return null;
  }
  for (const a of e.args) {
    if (a.type === 'Starred') {
      scope.report('PTL2002', a.range, `\`*\` arguments to ${shown}() are not supported`);
      return null;
    }
  }
  const sig = methodSignature(spec, vars(recv.type));
  const params = sig.params;
  if (e.args.length > params.length) {
    scope.report('PTL3005', e.range, `${shown}() takes ${params.length === 0 ? 'no arguments' : `at most ${plural(params.length, 'argument')}`} (${e.args.length} given)`);
    return null;
  }
  const bound: (TExpr | null | undefined)[] = params.map(() => undefined);
  let ok = true;
  e.args.forEach((a, i) => {
    const v = bindArg(params[i]!, a, scope, shown);
    if (v === null) ok = false;
    bound[i] = v;
  });
  for (const kw of e.keywords) {
    const i = params.findIndex((p) => p.name === kw.arg);
    const p = params[i];
    if (!p || p.positionalOnly) {
      scope.report('PTL3005', kw.range, `${shown}() takes no keyword argument '${kw.arg}'`);
      ok = false;
      continue;
    }
    if (bound[i] !== undefined) {
      scope.report('PTL3005', kw.range, `${shown}() got multiple values for argument '${kw.arg}'`);
      ok = false;
      continue;
    }
    const v = bindArg(p, kw.value, scope, shown);
    if (v === null) ok = false;
    bound[i] = v;
  }
  const missing = params.filter((p, i) => !p.optional && bound[i] === undefined);
  if (missing.length > 0) {
    scope.report('PTL3005', e.range, `${shown}() takes ${params.filter((p) => !p.optional).length === 1 ? 'exactly one argument' : `${plural(params.filter((p) => !p.optional).length, 'argument')}`} (${e.args.length + e.keywords.length} given)`);
    return null;
  }
  if (!ok) return null;
  // Optional arguments left out in the middle are null; trailing ones too.
  const args = bound.map((b) => (b === undefined ? null : b));
  let returns = sig.returns;
  if (cls === 'dict' && attr === 'get' && args[1]) returns = unify(dictParts(recv.type)![1], args[1].type) ?? dictParts(recv.type)![1];
  return { kind: 'method', type: returns, name: `${cls}.${attr}`, recv, args };
}
