/**
 * Script mode's output statements: `print(...)`, `sys.exit(...)` and
 * `sys.stdout.write("...")` / `sys.stderr.write("...")`, lowered to
 * PrintStmt / ExitStmt. `sep` and `end` are string literals (or None), or
 * str expressions, and `*xs` spreads an iterable (lowerPrintLine). In library mode none of this applies (a module has no
 * I/O), and the calls are refused as before.
 */
import type * as ast from '../ingest/ast.js';
import { lowerValue, type Scope, toInt } from './lower-expr.js';
import { retype } from './lower-values.js';
import { iterItemOf, pyClassName, tupleParts } from './ty.js';
import type { PrintArg, TExpr, TStmt } from './types.js';

/** Whether `e` is `<sys>.<attr>` for a name bound to the sys module. */
export function isSysAttribute(e: ast.Expr_, attr: string, scope: Scope): boolean {
  return e.type === 'Attribute' && e.attr === attr && e.value.type === 'Name' && (scope.symbols.sysModules?.has(e.value.id) ?? false) && !scope.local(e.value.id);
}

/** A builtin name the program has not rebound. */
function isBuiltin(e: ast.Expr_, name: string, scope: Scope): boolean {
  return e.type === 'Name' && e.id === name && !scope.local(name) && !scope.signature(name) && !scope.constant(name);
}

function strLiteral(e: ast.Expr_): string | null {
  return e.type === 'Constant' && e.kind === 'str' ? e.value : null;
}

/** A print argument: literal text is written as it is; any other value as `str(value)`. */
function printArg(e: ast.Expr_, scope: Scope): PrintArg | null {
  const text = strLiteral(e);
  if (text !== null) return { kind: 'text', text };
  if (e.type === 'Constant' && e.kind === 'None') return { kind: 'text', text: 'None' };
  const value = lowerValue(e, scope);
  return value === null ? null : { kind: 'value', value };
}

/** `sep=` / `end=`: a str literal, or None for the default. */
function textOption(kw: ast.Keyword, fallback: string, scope: Scope): string | null {
  const text = strLiteral(kw.value);
  if (text !== null) return text;
  if (kw.value.type === 'Constant' && kw.value.kind === 'None') return fallback;
  scope.report('PTL2002', kw.value.range, `\`${kw.arg}=\` must be a string literal or None (strings are only supported as literals yet)`);
  return null;
}

function lowerPrint(e: ast.Call, scope: Scope, line: number): TStmt[] | null {
  const general = lowerPrintLine(e, scope, line);
  if (general !== undefined) return general;
  let sep = ' ';
  let end = '\n';
  let fd: 1 | 2 = 1;
  let ok = true;
  for (const kw of e.keywords) {
    if (kw.arg === 'sep' || kw.arg === 'end') {
      const t = textOption(kw, kw.arg === 'sep' ? ' ' : '\n', scope);
      if (t === null) ok = false;
      else if (kw.arg === 'sep') sep = t;
      else end = t;
    } else if (kw.arg === 'file') {
      if (isSysAttribute(kw.value, 'stderr', scope)) fd = 2;
      else if (isSysAttribute(kw.value, 'stdout', scope) || (kw.value.type === 'Constant' && kw.value.kind === 'None')) fd = 1;
      else {
        scope.report('PTL2002', kw.value.range, '`file=` must be `sys.stdout` or `sys.stderr` (with `import sys`)');
        ok = false;
      }
    } else if (kw.arg === 'flush') {
      // Output order within one stream does not depend on flushing; the value must still be a plain constant.
      if (kw.value.type !== 'Constant' || (kw.value.kind !== 'bool' && kw.value.kind !== 'None')) {
        scope.report('PTL2002', kw.value.range, '`flush=` must be True or False');
        ok = false;
      }
    } else {
      scope.report('PTL2010', kw.range, `\`${kw.arg ?? '**'}\` is an invalid keyword argument for print()`);
      ok = false;
    }
  }
  const args = e.args.map((a) => printArg(a, scope));
  if (!ok || args.some((a) => a === null)) return [];
  return [{ kind: 'print', fd, args: args as PrintArg[], sep, end, line }];
}

/**
 * `print(*xs)`, or `sep=`/`end=` given as str expressions: the whole line is
 * one `text.print_line` value (arguments, spread items, then the keywords in
 * the order written, evaluated first; each part through str()). Undefined
 * when the plain form above applies.
 */
function lowerPrintLine(e: ast.Call, scope: Scope, line: number): TStmt[] | null | undefined {
  const isLiteralOption = (v: ast.Expr_): boolean => strLiteral(v) !== null || (v.type === 'Constant' && v.kind === 'None');
  const options = e.keywords.filter((k) => k.arg === 'sep' || k.arg === 'end');
  if (!e.args.some((a) => a.type === 'Starred') && options.every((k) => isLiteralOption(k.value))) return undefined;
  let fd: 1 | 2 = 1;
  for (const kw of e.keywords) {
    if (kw.arg === 'sep' || kw.arg === 'end') continue;
    if (kw.arg === 'file' && isSysAttribute(kw.value, 'stderr', scope)) fd = 2;
    else if (kw.arg === 'file' && (isSysAttribute(kw.value, 'stdout', scope) || (kw.value.type === 'Constant' && kw.value.kind === 'None'))) fd = 1;
    else if (kw.arg === 'flush' && kw.value.type === 'Constant' && (kw.value.kind === 'bool' || kw.value.kind === 'None')) continue;
    else return undefined; // the plain form reports it
  }
  let pattern = '';
  const parts: TExpr[] = [];
  let ok = true;
  for (const a of e.args) {
    const node = a.type === 'Starred' ? a.value : a;
    const lowered = lowerValue(node, scope);
    if (lowered === null) {
      ok = false;
      continue;
    }
    // Only str() of the values is seen: empty displays may take any item type.
    const v = lowered.type.includes('?') ? retype(lowered, lowered.type.replace(/\?/g, 'int')) : lowered;
    const fixedTuple = a.type === 'Starred' && iterItemOf(v.type) === undefined && tupleParts(v.type) !== undefined;
    if (a.type === 'Starred' && iterItemOf(v.type) === undefined && !fixedTuple) {
      scope.report('PTL3003', node.range, `print() argument after * must be an iterable, not ${pyClassName(v.type)}`);
      ok = false;
      continue;
    }
    pattern += fixedTuple ? 't' : a.type === 'Starred' ? 's' : 'v';
    parts.push(v);
  }
  for (const kw of options) {
    const v = lowerValue(kw.value, scope);
    if (v === null) {
      ok = false;
      continue;
    }
    if (v.type !== 'str' && v.type !== 'None' && v.type !== 'Optional[str]') {
      scope.report('PTL3003', kw.value.range, `${kw.arg} must be None or a string, not ${pyClassName(v.type)}`);
      ok = false;
      continue;
    }
    pattern += kw.arg === 'sep' ? 'S' : 'E';
    parts.push(v);
  }
  if (!ok) return [];
  const value: TExpr = { kind: 'op', type: 'str', op: 'text.print_line', args: [{ kind: 'literal', type: 'str', value: pattern }, ...parts] };
  return [{ kind: 'print', fd, args: [{ kind: 'value', value }], sep: '', end: '', line }];
}

function lowerExit(e: ast.Call, scope: Scope, line: number): TStmt[] | null {
  if (e.keywords.length > 0 || e.args.length > 1) {
    scope.report('PTL2010', e.range, '`sys.exit()` takes at most one positional argument');
    return [];
  }
  const arg = e.args[0];
  if (arg === undefined || (arg.type === 'Constant' && arg.kind === 'None')) return [{ kind: 'exit', status: null, line }];
  const v = lowerValue(arg, scope);
  if (v === null) return [];
  if (v.type === 'str') return [{ kind: 'exit', status: v, line }];
  if (v.type === 'float') {
    scope.report('PTL3003', arg.range, '`sys.exit()` needs an int status (CPython prints a float status and exits with 1)');
    return [];
  }
  return [{ kind: 'exit', status: toInt(v), line }];
}

/**
 * Lowers an expression statement that is one of script mode's output calls;
 * null when it is not one (or not in script mode), for the caller to lower
 * as usual.
 */
export function lowerScriptStatement(v: ast.Expr_, scope: Scope, line: number): TStmt[] | null {
  if (!scope.symbols.script || v.type !== 'Call') return null;
  const f = v.func;
  if (isBuiltin(f, 'print', scope)) return lowerPrint(v, scope, line);
  if (isSysAttribute(f, 'exit', scope)) return lowerExit(v, scope, line);
  if (f.type === 'Attribute' && f.attr === 'write' && (isSysAttribute(f.value, 'stdout', scope) || isSysAttribute(f.value, 'stderr', scope))) {
    if (v.args.length !== 1 || v.keywords.length !== 0) {
      scope.report('PTL3005', v.range, 'write() takes exactly one argument');
      return [];
    }
    const text = strLiteral(v.args[0]!);
    const fd = isSysAttribute(f.value, 'stderr', scope) ? 2 : 1;
    if (text !== null) return [{ kind: 'print', fd, args: [{ kind: 'text', text }], sep: '', end: '', line }];
    const value = lowerValue(v.args[0]!, scope);
    if (value === null) return [];
    if (value.type !== 'str') {
      scope.report('PTL3003', v.args[0]!.range, `write() argument must be str, not ${value.type}`);
      return [];
    }
    return [{ kind: 'print', fd, args: [{ kind: 'value', value }], sep: '', end: '', line }];
  }
  return null;
}
