/**
 * Builtins and special methods of the text area (lower-builtins.ts and
 * lower-method.ts look them up by name, after their own tables):
 * `ord`, `chr`, `bin`, `hex`, `oct`, `hash`, `format(x, spec)`, and the
 * methods whose arguments need more than a signature: `str.format` (a
 * literal format string, lower-format.ts) and `startswith`/`endswith` with
 * a tuple of prefixes.
 */
import type * as ast from '../ingest/ast.js';
import type { BuiltinLowering } from './lower-builtins.js';
import { lowerValue, type Scope, toInt } from './lower-expr.js';
import type { SpecialMethod } from './lower-method.js';
import { lowerStrFormat } from './lower-format.js';
import { isHashable, pyClassName, tupleParts } from './ty.js';
import type { TExpr } from './types.js';

const op = (type: string, name: string, args: (TExpr | null)[]): TExpr => ({ kind: 'op', type, op: name, args });

/** The positional arguments of a builtin taking `min`..`max` of them and no keywords, lowered; null after reporting. */
function args(name: string, e: ast.Call, scope: Scope, min: number, max: number): TExpr[] | null {
  if (e.keywords.length > 0) {
    scope.report('PTL3005', e.keywords[0]!.range, `${name}() takes no keyword arguments`);
    return null;
  }
  const star = e.args.find((a) => a.type === 'Starred');
  if (star) {
    scope.report('PTL2002', star.range, `\`*\` arguments to ${name}() are not supported`);
    return null;
  }
  const n = e.args.length;
  if (n < min || n > max) {
    const text = min === max ? `${name}() takes exactly one argument (${n} given)` : n < min ? `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}` : `${name} expected at most ${max} arguments, got ${n}`;
    scope.report('PTL3005', e.range, text);
    return null;
  }
  const vs = e.args.map((a) => lowerValue(a, scope));
  return vs.some((v) => v === null) ? null : (vs as TExpr[]);
}

/** An int (or bool, as int) argument; null after reporting CPython's TypeError. */
function intArg(v: TExpr, node: ast.Expr_, scope: Scope, what: string): TExpr | null {
  if (v.type === 'int' || v.type === 'bool') return toInt(v);
  scope.report('PTL3003', node.range, what.replace('%s', pyClassName(v.type)));
  return null;
}

function ord(e: ast.Call, scope: Scope): TExpr | null {
  const a = args('ord', e, scope, 1, 1);
  if (!a) return null;
  if (a[0]!.type !== 'str') {
    scope.report('PTL3003', e.args[0]!.range, `ord() expected string of length 1, but ${pyClassName(a[0]!.type)} found`);
    return null;
  }
  return op('int', 'text.ord', a);
}

function chr(e: ast.Call, scope: Scope): TExpr | null {
  const a = args('chr', e, scope, 1, 1);
  if (!a) return null;
  const i = intArg(a[0]!, e.args[0]!, scope, "'%s' object cannot be interpreted as an integer");
  return i && op('str', 'text.chr', [i]);
}

function radix(name: 'bin' | 'hex' | 'oct'): BuiltinLowering {
  return (e, scope) => {
    const a = args(name, e, scope, 1, 1);
    if (!a) return null;
    const i = intArg(a[0]!, e.args[0]!, scope, "'%s' object cannot be interpreted as an integer");
    return i && op('str', `text.${name}`, [i]);
  };
}

function hash(e: ast.Call, scope: Scope): TExpr | null {
  const a = args('hash', e, scope, 1, 1);
  if (!a) return null;
  if (!isHashable(a[0]!.type)) {
    scope.report('PTL3003', e.args[0]!.range, `unhashable type: '${pyClassName(a[0]!.type)}'`);
    return null;
  }
  return op('int', 'text.hash', a);
}

/** `format(x)` is `str(x)`'s text through `__format__('')`; `format(x, spec)` an f-string `{x:{spec}}`. */
function format(e: ast.Call, scope: Scope): TExpr | null {
  const a = args('format', e, scope, 1, 2);
  if (!a) return null;
  const spec = a[1] ?? null;
  if (spec && spec.type !== 'str') {
    scope.report('PTL3003', e.args[1]!.range, `format() argument 2 must be str, not ${pyClassName(spec.type)}`);
    return null;
  }
  const empty = spec === null || (spec.kind === 'literal' && spec.value === '');
  return { kind: 'fstring', type: 'str', parts: [{ value: a[0]!, conversion: null, spec: empty ? null : spec }] };
}

/** Builtin functions by name (`ord`, ...). */
export const TEXT_BUILTINS: Readonly<Record<string, BuiltinLowering>> = {
  ord,
  chr,
  bin: radix('bin'),
  hex: radix('hex'),
  oct: radix('oct'),
  hash,
  format,
};

/** `s.startswith(("a", "b"), start, end)`: a tuple of str prefixes is its own operation. */
function affixes(method: 'startswith' | 'endswith'): SpecialMethod {
  return (recv, e, scope) => {
    if (e.args.length === 0 || e.args[0]!.type === 'Starred' || e.keywords.length > 0) return undefined;
    const first = lowerValue(e.args[0]!, { ...scope, report: () => {} });
    if (first === null || first.type === 'str') return undefined;
    const parts = first.type === 'tuple[()]' ? [] : tupleParts(first.type);
    const homogeneous = /^tuple\[str, \.\.\.\]$/.test(first.type);
    if (!homogeneous && (!parts || parts.some((p) => p !== 'str'))) {
      scope.report('PTL3003', e.args[0]!.range, `${method} first arg must be str or a tuple of str, not ${pyClassName(first.type)}`);
      return null;
    }
    const rest = e.args.slice(1).map((x) => lowerValue(x, scope));
    if (rest.some((x) => x === null) || rest.length > 2) {
      if (rest.length > 2) scope.report('PTL3005', e.range, `${method}() takes at most 3 arguments (${e.args.length} given)`);
      return null;
    }
    const ints: (TExpr | null)[] = [];
    for (const [i, x] of (rest as TExpr[]).entries()) {
      if (x.type === 'None' || x.type === 'Optional[int]') ints.push(x.type === 'None' ? null : x);
      else {
        const v = intArg(x, e.args[i + 1]!, scope, "slice indices must be integers or None or have an __index__ method");
        if (v === null) return null;
        ints.push(v);
      }
    }
    while (ints.length < 2) ints.push(null);
    return op('bool', `text.${method}_tuple`, [recv, lowerValue(e.args[0]!, scope), ...ints]);
  };
}

/** Methods needing more than a signature, by `<class>.<method>`. */
export const TEXT_METHODS: Readonly<Record<string, SpecialMethod>> = {
  'str.format': lowerStrFormat,
  'str.startswith': affixes('startswith'),
  'str.endswith': affixes('endswith'),
};
