/**
 * Binding a call's arguments to a user function's parameters, as CPython
 * does: positional arguments fill the positional parameters, the rest go to
 * `*args` (a `tuple[T, ...]`, `f(*xs)` spreads an iterable into it), keyword
 * arguments name positional or keyword-only parameters, and parameters left
 * out take their default (defaults.ts). Mistakes are reported with CPython's
 * TypeError messages, at compile time.
 *
 * The IR call has one argument per parameter, in parameter order; `evalOrder`
 * records Python's evaluation order (source order) when keywords reorder it.
 */
import type * as ast from '../ingest/ast.js';
import { coerce, lowerValue, type Scope, type Signature } from './lower-expr.js';
import { lowerDefault } from './defaults.js';
import { convertTo } from './lower-values.js';
import { silent } from './report.js';
import { callableParts, elementOf, isScalar, iterItemOf, unify } from './ty.js';
import { lowerExpected, lowerFunctionValue } from './lower-lambda.js';
import type { CallExpr, TExpr, ValueType, VoidCallExpr } from './types.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function quoteList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length <= 1) return q.join('');
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

type Param = Signature['params'][number];
const kindOf = (p: Param): 'positional' | 'varargs' | 'keywordOnly' => p.kind ?? 'positional';

/** A value converted to a parameter's type (numbers by Python's implicit rules, containers by convertTo). */
function toParam(value: TExpr, type: ValueType, what: string, range: ast.Expr_['range'], scope: Scope): TExpr | null {
  return isScalar(type) && isScalar(value.type) ? coerce(value, type, what, range, scope.report) : convertTo(value, type, range, scope.report, what);
}

/** `name(args)` for a user function: the IR call, or null (reported). */
export function bindUserCall(sig: Signature, e: ast.Call, scope: Scope): CallExpr | VoidCallExpr | null {
  const { report } = scope;
  const name = sig.name;
  const params = sig.params;
  const positional = params.filter((p) => kindOf(p) === 'positional');
  const varargsIndex = params.findIndex((p) => kindOf(p) === 'varargs');
  const varargs = varargsIndex >= 0 ? params[varargsIndex]! : undefined;
  let ok = true;

  const bound: (TExpr | null | undefined)[] = new Array(params.length).fill(undefined);
  const order: number[] = [];
  const bindArg = (index: number, arg: ast.Expr_): void => {
    const param = params[index]!;
    const fn = param.type === undefined ? undefined : callableParts(param.type);
    if (fn && (arg.type === 'Lambda' || (arg.type === 'Name' && !scope.local(arg.id) && !scope.constant(arg.id)))) {
      // A lambda or builtin takes its parameter types from the Callable parameter.
      bound[index] = functionArgument(arg, fn.params, param.type!, `argument \`${param.name}\` of \`${name}\``, scope);
      order.push(index);
      return;
    }
    // Lambdas and builtins inside displays (`[double, abs]` for a list[Callable[...]]) likewise.
    const value = param.type?.includes('Callable[') ? lowerExpected(arg, param.type, scope) : lowerValue(arg, scope);
    bound[index] = value && param.type ? toParam(value, param.type, `argument \`${param.name}\` of \`${name}\``, arg.range, scope) : null;
    order.push(index);
  };

  // Positional arguments: the first ones fill the positional parameters, the rest go to *args.
  const extra: ast.Expr_[] = [];
  let starredBeforeFilled = false;
  e.args.forEach((arg, i) => {
    if (extra.length === 0 && i < positional.length && arg.type !== 'Starred') {
      bindArg(i, arg);
      return;
    }
    if (arg.type === 'Starred' && i < positional.length) starredBeforeFilled = true;
    extra.push(arg);
  });
  if (starredBeforeFilled && !varargs) {
    report('PTL2010', e.range, `\`*\` arguments that fill named parameters of \`${name}()\` are not supported`, 'Pass those arguments one by one.');
    extra.forEach((a) => lowerValue(a.type === 'Starred' ? a.value : a, scope));
    return null;
  }
  if (extra.length > 0 && !varargs) {
    const hasStar = extra.some((a) => a.type === 'Starred');
    if (hasStar) {
      report('PTL2010', e.range, `\`*\` arguments to \`${name}()\` are not supported (it has no \`*args\` parameter)`, 'Pass the arguments one by one.');
    } else {
      const required = positional.filter((p) => !p.default).length;
      const takes = required === positional.length ? plural(positional.length, 'positional argument') : `from ${required} to ${plural(positional.length, 'positional argument')}`;
      report('PTL3005', e.range, `${name}() takes ${takes} but ${e.args.length} ${e.args.length === 1 ? 'was' : 'were'} given`);
    }
    extra.forEach((a) => lowerValue(a.type === 'Starred' ? a.value : a, scope));
    ok = false;
  }
  if (varargs && varargs.type !== undefined) {
    const item = elementOf(varargs.type)!;
    const elts: TExpr[] = [];
    const starred: boolean[] = [];
    let typed = true;
    for (const a of extra) {
      if (a.type === 'Starred') {
        const v = lowerValue(a.value, scope);
        const it = v === null ? undefined : iterItemOf(v.type);
        if (v === null || it === undefined || (it !== item && unify(it, item) !== item)) {
          if (v !== null) report('PTL3003', a.range, `\`*\` argument of \`${name}\` should be an iterable of ${item} but is ${v.type}`);
          typed = false;
          continue;
        }
        elts.push(v);
        starred.push(true);
      } else {
        const v = lowerValue(a, scope);
        const c = v === null ? null : toParam(v, item, `argument of \`*${varargs.name}\` of \`${name}\``, a.range, scope);
        if (c === null) {
          typed = false;
          continue;
        }
        elts.push(c);
        starred.push(false);
      }
    }
    bound[varargsIndex] = typed ? { kind: 'display', of: 'tuple', type: varargs.type, elts, starred } : null;
    order.push(varargsIndex);
  } else if (varargs) {
    bound[varargsIndex] = null;
  }

  for (const kw of e.keywords) {
    const index = params.findIndex((p) => p.name === kw.arg && kindOf(p) !== 'varargs');
    const param = params[index];
    if (param === undefined) {
      report('PTL3005', kw.range, `${name}() got an unexpected keyword argument '${kw.arg}'`);
      lowerValue(kw.value, scope);
      ok = false;
    } else if (param.positionalOnly) {
      report('PTL3005', kw.range, `${name}() got some positional-only arguments passed as keyword arguments: '${kw.arg}'`);
      ok = false;
    } else if (bound[index] !== undefined) {
      report('PTL3005', kw.range, `${name}() got multiple values for argument '${kw.arg}'`);
      ok = false;
    } else {
      bindArg(index, kw.value);
    }
  }

  const missing = (kind: 'positional' | 'keywordOnly'): string[] =>
    params.filter((p, i) => kindOf(p) === kind && bound[i] === undefined && !p.default).map((p) => p.name);
  const missingPositional = missing('positional');
  const missingKeyword = missing('keywordOnly');
  if (ok && missingPositional.length > 0) {
    report('PTL3005', e.range, `${name}() missing ${plural(missingPositional.length, 'required positional argument')}: ${quoteList(missingPositional)}`);
    ok = false;
  }
  if (ok && missingKeyword.length > 0) {
    report('PTL3005', e.range, `${name}() missing ${plural(missingKeyword.length, 'required keyword-only argument')}: ${quoteList(missingKeyword)}`);
    ok = false;
  }
  // Defaults: values computed once, immutable (defaults.ts), so inserting them here is exact.
  params.forEach((p, i) => {
    if (bound[i] !== undefined || !p.default || p.type === undefined) return;
    bound[i] = lowerDefault(p.default, p.name, p.type, scope, silent, name);
    order.push(i);
  });
  if (!ok || bound.some((b) => b === null || b === undefined) || sig.returns === undefined) return null;
  // A nested function's captured variables (closures.ts) follow its own arguments.
  const captures = (sig as { captures?: { name: string; type: ValueType | undefined }[] }).captures ?? [];
  if (captures.some((c) => c.type === undefined)) return null;
  for (const c of captures) {
    order.push(bound.length);
    bound.push({ kind: 'local', name: c.name, type: c.type! });
  }
  const identity = order.every((v, i) => v === i);
  const base = { kind: 'call' as const, func: name, args: bound as TExpr[], evalOrder: identity ? null : order };
  return sig.returns === 'None' ? { ...base, type: 'None' } : { ...base, type: sig.returns };
}

/**
 * A lambda or function name passed for a Callable parameter. The callee may
 * keep it and call it later, so a lambda reading local variables (captured
 * by value here, read late in Python) is refused.
 */
function functionArgument(arg: ast.Expr_, paramTypes: readonly string[], type: string, what: string, scope: Scope): TExpr | null {
  const f = lowerFunctionValue(arg, paramTypes, scope, what);
  if (f === null) return null;
  if (f.kind === 'lambda' && f.captures.length > 0) {
    scope.report('PTL2002', arg.range, `this lambda reads \`${f.captures[0]!.name}\` of the enclosing code and may be called later; closures over changing variables are not supported yet`, 'Pass the value as a parameter, or use a nested `def`.');
    return null;
  }
  return convertTo(f, type, arg.range, scope.report, what);
}
