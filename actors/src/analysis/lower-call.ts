/**
 * Calls: module functions (positional and keyword arguments, bound in
 * Python's evaluation order), the supported builtins (abs, min, max, round,
 * int, float, bool, pow; divmod and range only where they are allowed) and
 * the math functions, with CPython's arity and type rules and messages.
 */
import type * as ast from '../ingest/ast.js';
import { binary, boolLiteral, coerce, floatLiteral, intLiteral, lowerTest, lowerValue, type Scope, type Signature, toFloat, toInt } from './lower-expr.js';
import { isSysAttribute } from './lower-print.js';
import { convertTo } from './lower-values.js';
import { MATH_CONSTANTS, MATH_FUNCTIONS, OTHER_BUILTINS, SUPPORTED_BUILTINS } from './names.js';
import type { Report } from './report.js';
import type { BuiltinName, TExpr, VoidCallExpr } from './types.js';
import { builtinLowering, lowerMinMaxIterable } from './lower-builtins.js';
import { lowerMethodCall } from './lower-method.js';
import { lowerSysCall } from './lower-sys.js';
import { bindUserCall } from './bind-call.js';
import { headOf, isScalar } from './ty.js';
import { callFunctionValue, lowerLambdaTyped } from './lower-lambda.js';
import { lowerMinMaxKey } from './builtins-functions.js';

function silentScope(scope: Scope): Scope {
  return { ...scope, report: () => {} };
}

export function lowerCall(e: ast.Call, scope: Scope): TExpr | VoidCallExpr | null {
  const { report } = scope;
  for (const kw of e.keywords) {
    if (kw.arg === null) {
      report('PTL2010', kw.range, '`**` arguments are not supported');
      return null;
    }
  }
  const f = e.func;
  if (f.type === 'Name') {
    const id = f.id;
    const local = scope.local(id);
    const constant = local ? undefined : scope.constant(id);
    if (local || constant) {
      const type = local?.type ?? (constant && 'type' in constant ? constant.type : undefined);
      if (type !== undefined && headOf(type) === 'Callable') {
        const callee = lowerValue(f, scope);
        return callee === null ? null : callFunctionValue(callee, e, scope);
      }
      report('PTL3003', f.range, `\`${id}\` is ${type ? `${article(type)} ${type}` : 'a variable'}, not a function`);
      return null;
    }
    const sig = scope.signature(id);
    if (sig) {
      if (scope.inConstant) {
        report('PTL2011', e.range, `module constants cannot call functions (\`${id}\`); compute the value inside a function instead`);
        return null;
      }
      return bindUserCall(sig, e, scope);
    }
    const fromMath = scope.symbols.mathImports.get(id);
    if (fromMath !== undefined) {
      if (MATH_FUNCTIONS.has(fromMath)) return lowerMathCall(fromMath, id, e, scope);
      report('PTL3003', f.range, `\`${id}\` is a float, not a function`);
      return null;
    }
    if (scope.symbols.mathModules.has(id)) {
      report('PTL2007', f.range, 'the math module cannot be called');
      return null;
    }
    if ((id === 'min' || id === 'max') && e.args.length >= 2 && e.keywords.some((k) => k.arg === 'key')) return lowerMinMaxKey(id, e, scope);
    if ((id === 'min' || id === 'max') && e.args.length === 1 && e.args[0]!.type !== 'Starred') {
      const only = lowerValue(e.args[0]!, silentScope(scope));
      if (only !== null && !isScalar(only.type)) return lowerMinMaxIterable(id, e, scope);
    }
    const container = builtinLowering(id);
    if (container) return container(e, scope);
    if (SUPPORTED_BUILTINS.has(id)) return lowerBuiltinCall(id, e, scope);
    if (OTHER_BUILTINS.has(id)) {
      report('PTL2007', f.range, `the builtin \`${id}()\` is not supported`);
      return null;
    }
    report('PTL3004', f.range, `name \`${id}\` is not defined`);
    return null;
  }
  if (f.type === 'Attribute') {
    if (f.value.type === 'Name' && scope.symbols.mathModules.has(f.value.id) && !scope.local(f.value.id)) {
      if (MATH_FUNCTIONS.has(f.attr)) return lowerMathCall(f.attr, `${f.value.id}.${f.attr}`, e, scope);
      if (MATH_CONSTANTS.has(f.attr)) report('PTL3003', f.range, `\`math.${f.attr}\` is a float, not a function`);
      else report('PTL2007', f.range, `\`math.${f.attr}\` is not supported`);
      return null;
    }
    const sysCall = lowerSysCall(f, e, scope);
    if (sysCall !== undefined) return sysCall;
    return lowerMethodCall(f.value, f.attr, e, scope);
  }
  // `(lambda x: ...)(v)`: called right away, so its parameters take the arguments' types.
  if (f.type === 'Lambda' && e.keywords.length === 0 && e.args.every((a) => a.type !== 'Starred')) {
    const args = e.args.map((a) => lowerValue(a, scope));
    if (args.some((a) => a === null)) return null;
    const fn = lowerLambdaTyped(f, args.map((a) => a!.type), scope);
    if (fn === null || fn.kind !== 'lambda') return null;
    return { kind: 'callValue', type: fn.body.type, callee: fn, args: args as TExpr[] };
  }
  // Something else called: report what it is (a lambda, a subscript...) if unsupported, else this.
  const callee = lowerValue(f, scope);
  if (callee !== null && headOf(callee.type) === 'Callable') return callFunctionValue(callee, e, scope);
  if (callee !== null) report('PTL3003', f.range, `${article(callee.type)} ${callee.type} is not a function`);
  return null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function noKeywords(name: string, e: ast.Call, report: Report): boolean {
  if (e.keywords.length === 0) return true;
  report('PTL2010', e.keywords[0]!.range, `keyword arguments to \`${name}()\` are not supported`);
  return false;
}

function lowerArgs(args: ast.Expr_[], scope: Scope): TExpr[] | null {
  const values = args.map((a) => lowerValue(a, scope));
  return values.some((v) => v === null) ? null : (values as TExpr[]);
}

function lowerBuiltinCall(name: string, e: ast.Call, scope: Scope): TExpr | null {
  const { report } = scope;
  const n = e.args.length;
  const arity = (min: number, max: number, text: string): boolean => {
    if (n >= min && n <= max) return true;
    report('PTL3005', e.range, `${name}() ${text} (${n} given)`);
    lowerArgs(e.args, scope);
    return false;
  };
  switch (name) {
    case 'abs': {
      if (!noKeywords(name, e, report) || !arity(1, 1, 'takes exactly one argument')) return null;
      const x = lowerValue(e.args[0]!, scope);
      if (x === null) return null;
      if (!isScalar(x.type)) {
        report('PTL3003', e.args[0]!.range, `bad operand type for abs(): '${x.type}'`);
        return null;
      }
      const v = toInt(x);
      return { kind: 'builtin', type: v.type, name: v.type === 'float' ? 'abs_float' : 'abs_int', args: [v] };
    }
    case 'min':
    case 'max': {
      if (!noKeywords(name, e, report)) return null;
      if (n < 2) {
        if (n === 0) report('PTL3005', e.range, `${name} expected at least 1 argument, got 0`);
        else report('PTL2007', e.range, `${name}() over an iterable is not supported`, `Pass two or more numbers: \`${name}(a, b)\`.`);
        return null;
      }
      const args = lowerArgs(e.args, scope);
      if (args === null) return null;
      const type = args[0]!.type;
      const other = args.find((a) => a.type !== type);
      if (other) {
        report(
          'PTL3003',
          e.range,
          `${name}() of ${type} and ${other.type}: CPython returns whichever argument wins, so the type would depend on the values`,
          'Convert the arguments to one type first, e.g. float(n) or 0.0 instead of 0.',
        );
        return null;
      }
      return { kind: 'builtin', type, name: `${name}_${type}` as BuiltinName, args };
    }
    case 'round':
      return lowerRound(e, scope);
    case 'int': {
      if (!noKeywords(name, e, report)) return null;
      if (!arity(0, 2, 'takes at most 2 arguments')) return null;
      if (n === 0) return intLiteral(0n);
      const x = lowerValue(e.args[0]!, scope);
      if (x === null) return null;
      if (x.type === 'str') {
        const base = n === 2 ? lowerValue(e.args[1]!, scope) : intLiteral(10n);
        if (base === null) return null;
        if (base.type !== 'int' && base.type !== 'bool') {
          report('PTL3003', e.args[1]!.range, `'${base.type}' object cannot be interpreted as an integer`);
          return null;
        }
        return { kind: 'op', type: 'int', op: 'builtin.int_str', args: [x, toInt(base)] };
      }
      if (n === 2) {
        report('PTL3003', e.range, "int() can't convert non-string with explicit base");
        return null;
      }
      if (!isScalar(x.type)) {
        report('PTL3003', e.args[0]!.range, `int() argument must be a string or a real number, not '${x.type}'`);
        return null;
      }
      if (x.type === 'float') return { kind: 'builtin', type: 'int', name: 'float_to_int', args: [x] };
      return toInt(x);
    }
    case 'float': {
      if (!noKeywords(name, e, report) || !arity(0, 1, 'takes at most 1 argument')) return null;
      if (n === 0) return floatLiteral(0);
      const x = lowerValue(e.args[0]!, scope);
      if (x === null) return null;
      if (x.type === 'str') return { kind: 'op', type: 'float', op: 'builtin.float_str', args: [x] };
      if (!isScalar(x.type)) {
        report('PTL3003', e.args[0]!.range, `float() argument must be a string or a real number, not '${x.type}'`);
        return null;
      }
      return toFloat(x);
    }
    case 'bool': {
      if (!noKeywords(name, e, report) || !arity(0, 1, 'takes at most 1 argument')) return null;
      if (n === 0) return boolLiteral(false);
      return lowerTest(e.args[0]!, scope);
    }
    case 'pow': {
      if (!noKeywords(name, e, report)) return null;
      if (n === 3) {
        report('PTL2007', e.range, 'pow() with a modulus (3 arguments) is not supported');
        return null;
      }
      if (!arity(2, 2, 'takes 2 arguments here')) return null;
      const args = lowerArgs(e.args, scope);
      return args === null ? null : binary('Pow', args[0]!, args[1]!, e.range, report);
    }
    case 'divmod':
      report('PTL2002', e.range, 'divmod() results must be unpacked right away: `q, r = divmod(a, b)`');
      lowerArgs(e.args, scope);
      return null;
    case 'range':
      report('PTL2008', e.range, 'range() is only supported as the iterable of a `for` loop');
      return null;
    default:
      report('PTL2007', e.range, `the builtin \`${name}()\` is not supported`);
      return null;
  }
}

/** `round(x)` → int (banker's rounding); `round(x, n)` → same type as x. Keywords `number`, `ndigits` allowed. */
function lowerRound(e: ast.Call, scope: Scope): TExpr | null {
  const { report } = scope;
  const slots: (ast.Expr_ | undefined)[] = [e.args[0], e.args[1]];
  let ok = true;
  if (e.args.length > 2) {
    report('PTL3005', e.range, `round() takes at most 2 arguments (${e.args.length} given)`);
    ok = false;
  }
  for (const kw of e.keywords) {
    const index = kw.arg === 'number' ? 0 : kw.arg === 'ndigits' ? 1 : -1;
    if (index < 0) {
      report('PTL3005', kw.range, `round() got an unexpected keyword argument '${kw.arg}'`);
      ok = false;
    } else if (slots[index] !== undefined) {
      report('PTL3005', kw.range, `round() got multiple values for argument '${kw.arg}'`);
      ok = false;
    } else {
      slots[index] = kw.value;
    }
  }
  if (slots[0] === undefined) {
    if (ok) report('PTL3005', e.range, "round() missing required argument 'number' (pos 1)");
    return null;
  }
  if (!ok) return null;
  const x = lowerValue(slots[0], scope);
  const ndigitsNode = slots[1];
  const hasDigits = ndigitsNode !== undefined && !(ndigitsNode.type === 'Constant' && ndigitsNode.kind === 'None');
  const nd = hasDigits ? lowerValue(ndigitsNode, scope) : undefined;
  if (x === null || nd === null) return null;
  if (nd === undefined) {
    if (x.type === 'float') return { kind: 'builtin', type: 'int', name: 'round_float', args: [x] };
    return toInt(x);
  }
  if (nd.type === 'float') {
    report('PTL3003', ndigitsNode!.range, "'float' object cannot be interpreted as an integer");
    return null;
  }
  if (x.type === 'float') return { kind: 'builtin', type: 'float', name: 'round_float_nd', args: [x, toInt(nd)] };
  return { kind: 'builtin', type: 'int', name: 'round_int_nd', args: [toInt(x), toInt(nd)] };
}

function lowerMathCall(name: string, shown: string, e: ast.Call, scope: Scope): TExpr | null {
  const { report } = scope;
  const fn = MATH_FUNCTIONS.get(name)!;
  const maxPositional = fn.maxPositional ?? fn.params.length;
  const slots: (ast.Expr_ | undefined)[] = new Array(fn.params.length).fill(undefined);
  let ok = true;
  if (e.args.length > maxPositional) {
    const count = fn.required === maxPositional ? `exactly ${plural(maxPositional, 'argument')}` : `at most ${plural(maxPositional, 'argument')}`;
    report('PTL3005', e.range, `${shown}() takes ${count} (${e.args.length} given)`);
    ok = false;
  }
  e.args.slice(0, maxPositional).forEach((a, i) => (slots[i] = a));
  for (const kw of e.keywords) {
    const index = fn.keywords.includes(kw.arg!) ? fn.params.indexOf(kw.arg!) : -1;
    if (index < 0) {
      if (fn.keywords.length === 0) report('PTL2010', kw.range, `${shown}() takes no keyword arguments`);
      else report('PTL3005', kw.range, `${shown}() got an unexpected keyword argument '${kw.arg}'`);
      ok = false;
    } else if (slots[index] !== undefined) {
      report('PTL3005', kw.range, `${shown}() got multiple values for argument '${kw.arg}'`);
      ok = false;
    } else {
      slots[index] = kw.value;
    }
  }
  const given = slots.filter((s) => s !== undefined).length;
  if (ok && slots.slice(0, fn.required).some((s) => s === undefined)) {
    const count = fn.required === fn.params.length ? `exactly ${plural(fn.required, 'argument')}` : `at least ${plural(fn.required, 'argument')}`;
    report('PTL3005', e.range, `${shown}() takes ${count} (${given} given)`);
    ok = false;
  }
  const args: TExpr[] = [];
  let typed = ok;
  slots.forEach((slot, i) => {
    const param = fn.params[i]!;
    if (slot === undefined) {
      const d = fn.defaults[param];
      if (d !== undefined) args.push(floatLiteral(d));
      return;
    }
    const v = lowerValue(slot, scope);
    if (v === null) {
      typed = false;
      return;
    }
    if (fn.argType === 'int') {
      if (v.type === 'float') {
        report('PTL3003', slot.range, "'float' object cannot be interpreted as an integer");
        typed = false;
        return;
      }
      args.push(toInt(v));
    } else {
      args.push(v);
    }
  });
  if (!typed) return null;
  if (name === 'floor' || name === 'ceil' || name === 'trunc') {
    // On an int these return it unchanged (int.__floor__), no float round trip.
    const x = args[0]!;
    if (x.type !== 'float') return toInt(x);
    return { kind: 'builtin', type: 'int', name: `math_${name}`, args: [x] };
  }
  const floatArgs = fn.argType === 'float' ? args.map(toFloat) : args;
  const irName: BuiltinName = name === 'log' && floatArgs.length === 2 ? 'math_log_base' : `math_${name}`;
  return { kind: 'builtin', type: fn.returns, name: irName, args: floatArgs };
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? 'an' : 'a';
}
