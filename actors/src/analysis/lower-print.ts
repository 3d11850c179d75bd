/**
 * Script mode's output statements: `print(...)`, `sys.exit(...)` and
 * `sys.stdout.write("...")` / `sys.stderr.write("...")`, lowered to
 * PrintStmt / ExitStmt. Strings exist only as literals here (print
 * arguments, `sep`, `end`, `str(...)`/`repr(...)` of a value); a full `str`
 * type comes later. In library mode none of this applies (a module has no
 * I/O), and the calls are refused as before.
 */
import type * as ast from '../ingest/ast.js';
import { lowerValue, type Scope, toInt } from './lower-expr.js';
import type { PrintArg, TStmt } from './types.js';

/** Whether `e` is `<sys>.<attr>` for a name bound to the sys module. */
export function isSysAttribute(e: ast.Expr_, attr: string, scope: Scope): boolean {
  return e.type === 'Attribute' && e.attr === attr && e.value.type === 'Name' && (scope.symbols.sysModules?.has(e.value.id) ?? false) && !scope.local(e.value.id);
}

/** A builtin name the program has not rebound. */
function isBuiltin(e: ast.Expr_, name: string, scope: Scope): boolean {
  return e.type === 'Name' && e.id === name && !scope.local(name) && !scope.signature(name) && !scope.constant(name);
}

/** CPython's repr of a str, for the printable-ASCII literals this supports (null otherwise). */
function reprOfStr(s: string): string | null {
  if (!/^[\x20-\x7e\n\t\r]*$/.test(s)) return null;
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  if (quote === "'") body = body.replace(/'/g, "\\'");
  return `${quote}${body}${quote}`;
}

function strLiteral(e: ast.Expr_): string | null {
  return e.type === 'Constant' && e.kind === 'str' ? e.value : null;
}

function printArg(e: ast.Expr_, scope: Scope): PrintArg | null {
  const text = strLiteral(e);
  if (text !== null) return { kind: 'text', text };
  if (e.type === 'Constant' && e.kind === 'None') return { kind: 'text', text: 'None' };
  if (e.type === 'Call' && (isBuiltin(e.func, 'str', scope) || isBuiltin(e.func, 'repr', scope))) {
    const fn = (e.func as ast.Name).id;
    if (e.args.length !== 1 || e.keywords.length !== 0) {
      scope.report('PTL2007', e.range, `\`${fn}()\` is supported with one positional argument`);
      return null;
    }
    const arg = e.args[0]!;
    const inner = strLiteral(arg);
    if (inner !== null) {
      const shown = fn === 'str' ? inner : reprOfStr(inner);
      if (shown !== null) return { kind: 'text', text: shown };
      scope.report('PTL2002', arg.range, '`repr()` of a string with non-ASCII or control characters is not supported yet');
      return null;
    }
    if (arg.type === 'Constant' && arg.kind === 'None') return { kind: 'text', text: 'None' };
    const value = lowerValue(arg, scope);
    return value === null ? null : { kind: 'value', value }; // str(x) == repr(x) for int, float, bool
  }
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

function lowerExit(e: ast.Call, scope: Scope, line: number): TStmt[] | null {
  if (e.keywords.length > 0 || e.args.length > 1) {
    scope.report('PTL2010', e.range, '`sys.exit()` takes at most one positional argument');
    return [];
  }
  const arg = e.args[0];
  if (arg === undefined || (arg.type === 'Constant' && arg.kind === 'None')) return [{ kind: 'exit', status: null, line }];
  if (strLiteral(arg) !== null) {
    scope.report('PTL2002', arg.range, '`sys.exit()` with a message is not supported yet; print the message to sys.stderr and call `sys.exit(1)`');
    return [];
  }
  const v = lowerValue(arg, scope);
  if (v === null) return [];
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
    const text = v.args.length === 1 && v.keywords.length === 0 ? strLiteral(v.args[0]!) : null;
    if (text === null) {
      scope.report('PTL2002', v.range, '`write()` is supported with one string literal argument (use print() for values)');
      return [];
    }
    const fd = isSysAttribute(f.value, 'stderr', scope) ? 2 : 1;
    return [{ kind: 'print', fd, args: [{ kind: 'text', text }], sep: '', end: '', line }];
  }
  return null;
}
