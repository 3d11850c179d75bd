/**
 * Builtins and special methods of the containers area (lower-builtins.ts and
 * lower-method.ts look them up by name, after their own tables): `divmod`
 * and `pow(a, b, m)` as values, `dict(...)` with keyword arguments,
 * `dict.update` with pairs or keywords. transpile/ops-containers.ts prints
 * the op nodes made here.
 */
import type * as ast from '../ingest/ast.js';
import { binary, lowerValue, type Scope, toFloat, toInt } from './lower-expr.js';
import type { BuiltinLowering } from './lower-builtins.js';
import type { SpecialMethod } from './lower-method.js';
import { convertTo } from './lower-values.js';
import { isinstanceClasses, isInstanceOf } from './narrowing.js';
import { dictOf, dictParts, elementOf, iterItemOf, pyClassName, tupleParts, type Ty, unify, unionParts } from './ty.js';
import type { TExpr } from './types.js';

const op = (type: Ty, name: string, args: (TExpr | null)[]): TExpr => ({ kind: 'op', type, op: name, args });
const strLit = (value: string): TExpr => ({ kind: 'literal', type: 'str', value });

function positionalOnly(name: string, e: ast.Call, scope: Scope): boolean {
  if (e.keywords.length > 0) {
    scope.report('PTL3005', e.keywords[0]!.range, `${name}() takes no keyword arguments`);
    return false;
  }
  const star = e.args.find((a) => a.type === 'Starred');
  if (star) {
    scope.report('PTL2002', star.range, `\`*\` arguments to ${name}() are not supported`);
    return false;
  }
  return true;
}

function lowerAll(nodes: readonly ast.Expr_[], scope: Scope): TExpr[] | null {
  const vs = nodes.map((a) => lowerValue(a, scope));
  return vs.some((v) => v === null) ? null : (vs as TExpr[]);
}

const numeric = (t: string): boolean => t === 'int' || t === 'float' || t === 'bool';

/** `divmod(a, b)`: a tuple of two ints, or two floats when either side is a float. */
const divmod: BuiltinLowering = (e, scope) => {
  if (!positionalOnly('divmod', e, scope)) return null;
  if (e.args.length !== 2) {
    scope.report('PTL3005', e.range, `divmod expected 2 arguments, got ${e.args.length}`);
    return null;
  }
  const a = lowerAll(e.args, scope);
  if (a === null) return null;
  const [x, y] = a as [TExpr, TExpr];
  if (!numeric(x.type) || !numeric(y.type)) {
    scope.report('PTL3003', e.range, `unsupported operand type(s) for divmod(): '${pyClassName(x.type)}' and '${pyClassName(y.type)}'`);
    return null;
  }
  if (x.type === 'float' || y.type === 'float') return op('tuple[float, float]', 'builtin.divmod_float', [toFloat(x), toFloat(y)]);
  return op('tuple[int, int]', 'builtin.divmod_int', [toInt(x), toInt(y)]);
};

/** `pow(a, b)` as `a ** b`; `pow(a, b, m)` on ints. Keywords base/exp/mod as CPython names them. */
const pow: BuiltinLowering = (e, scope) => {
  const star = e.args.find((a) => a.type === 'Starred');
  if (star) {
    scope.report('PTL2002', star.range, '`*` arguments to pow() are not supported');
    return null;
  }
  const names = ['base', 'exp', 'mod'];
  const slots: (ast.Expr_ | undefined)[] = [...e.args];
  if (slots.length > 3) {
    scope.report('PTL3005', e.range, `pow expected at most 3 arguments, got ${slots.length}`);
    return null;
  }
  for (const kw of e.keywords) {
    const i = names.indexOf(kw.arg ?? '');
    if (i < 0) {
      scope.report('PTL3005', kw.range, `pow() got an unexpected keyword argument '${kw.arg}'`);
      return null;
    }
    if (slots[i] !== undefined) {
      scope.report('PTL3005', kw.range, `argument for pow() given by name ('${kw.arg}') and position (${i + 1})`);
      return null;
    }
    slots[i] = kw.value;
  }
  const missing = [0, 1].find((i) => slots[i] === undefined);
  if (missing !== undefined) {
    scope.report('PTL3005', e.range, `pow() missing required argument '${names[missing]}' (pos ${missing + 1})`);
    return null;
  }
  const given = slots.filter((s): s is ast.Expr_ => s !== undefined);
  const a = lowerAll(given, scope);
  if (a === null) return null;
  if (a.length === 2) return binary('Pow', a[0]!, a[1]!, e.range, scope.report);
  if (a.some((v) => v.type !== 'int' && v.type !== 'bool')) {
    scope.report('PTL3003', e.range, 'pow() 3rd argument not allowed unless all arguments are integers');
    return null;
  }
  return op('int', 'builtin.pow_mod', a.map(toInt));
};

/** The keyword arguments of `dict(...)` / `d.update(...)` as `[key literal, value]` pairs converted to V. */
function keywordPairs(keywords: readonly ast.Keyword[], valueType: Ty | undefined, scope: Scope, what: string): { pairs: TExpr[]; valueType: Ty } | null {
  const values: TExpr[] = [];
  for (const kw of keywords) {
    if (kw.arg === null || kw.arg === undefined) {
      scope.report('PTL2002', kw.range, `\`**\` arguments to ${what} are not supported`);
      return null;
    }
    const v = lowerValue(kw.value, scope);
    if (v === null) return null;
    values.push(v);
  }
  let t = valueType;
  for (const v of values) {
    const u: Ty | undefined = t === undefined ? v.type : unify(t, v.type);
    if (u === undefined) {
      scope.report('PTL3003', keywords[values.indexOf(v)]!.range, `the values of ${what} should all be ${t} but this one is ${v.type}`);
      return null;
    }
    t = u;
  }
  const pairs: TExpr[] = [];
  for (const [i, kw] of keywords.entries()) {
    const v = convertTo(values[i]!, t!, kw.value.range, scope.report, `the value of ${kw.arg}=`);
    if (v === null) return null;
    pairs.push(strLit(kw.arg!), v);
  }
  return { pairs, valueType: t! };
}

/** `dict(a=1, b=2)`, `dict(pairs_or_dict, c=3)`: only reached with keywords (lower-builtins.ts handles the rest). */
export function lowerDictKeywords(e: ast.Call, scope: Scope): TExpr | null {
  if (e.args.length > 1) {
    scope.report('PTL3005', e.range, `dict expected at most 1 argument, got ${e.args.length}`);
    return null;
  }
  let base: TExpr | null = null;
  let valueType: Ty | undefined;
  if (e.args.length === 1) {
    const a = lowerValue(e.args[0]!, scope);
    if (a === null) return null;
    const d = dictParts(a.type);
    const item = iterItemOf(a.type);
    const parts = d ? undefined : item === undefined ? undefined : tupleParts(item);
    const k = d ? d[0] : parts?.length === 2 ? parts[0]! : undefined;
    if (k === undefined) {
      scope.report('PTL3003', e.args[0]!.range, `dict() needs a dict or pairs (tuples of two), not ${a.type}`);
      return null;
    }
    if (unify(k, 'str') !== 'str') {
      scope.report('PTL3003', e.range, `dict() with keyword arguments makes str keys, but the other keys are ${k}`);
      return null;
    }
    valueType = d ? d[1] : parts![1]!;
    base = d ? op(dictOf('str', valueType), 'builtin.dict_copy', [a]) : op(dictOf('str', valueType), 'builtin.dict_pairs', [a]);
  }
  const kws = keywordPairs(e.keywords, valueType, scope, 'dict()');
  if (kws === null) return null;
  return op(dictOf('str', kws.valueType), 'dict.with_keywords', [base, ...kws.pairs]);
}

/** `d.update(other)`, `d.update(pairs)`, `d.update(k=v, ...)`. */
const dictUpdate: SpecialMethod = (recv, e, scope) => {
  const [k, v] = dictParts(recv.type)!;
  if (e.args.length > 1) {
    scope.report('PTL3005', e.range, `update expected at most 1 argument, got ${e.args.length}`);
    return null;
  }
  const star = e.args.find((a) => a.type === 'Starred');
  if (star) {
    scope.report('PTL2002', star.range, '`*` arguments to dict.update() are not supported');
    return null;
  }
  let other: TExpr | null = null;
  let pairs = false;
  if (e.args.length === 1) {
    const a = lowerValue(e.args[0]!, scope);
    if (a === null) return null;
    if (dictParts(a.type)) {
      other = convertTo(a, recv.type, e.args[0]!.range, scope.report, 'the argument of dict.update()');
      if (other === null) return null;
    } else {
      const item = iterItemOf(a.type);
      const parts = item === undefined ? undefined : tupleParts(item);
      if (!parts || parts.length !== 2 || unify(parts[0]!, k) !== k || unify(parts[1]!, v) !== v) {
        scope.report('PTL3003', e.args[0]!.range, `dict.update() needs a dict[${k}, ${v}] or pairs of (${k}, ${v}), not ${a.type}`);
        return null;
      }
      other = a;
      pairs = true;
    }
  }
  let kwPairs: TExpr[] = [];
  if (e.keywords.length > 0) {
    if (k !== 'str') {
      scope.report('PTL3003', e.keywords[0]!.range, `keyword arguments to update() make str keys, but this dict's keys are ${k}`);
      return null;
    }
    const kws = keywordPairs(e.keywords, v, scope, 'dict.update()');
    if (kws === null) return null;
    kwPairs = kws.pairs;
  }
  return { kind: 'method', type: 'None', name: pairs ? 'dict.update_pairs' : 'dict.update_with', recv, args: [other, ...kwPairs] };
};

/**
 * `isinstance(x, C)` / `isinstance(x, (C, D))` with builtin classes: decided
 * by x's static type (bool counts as int, as in CPython), except for an
 * Optional, where it is `x is not None` when the inner type matches.
 */
const isinstance: BuiltinLowering = (e, scope) => {
  if (!positionalOnly('isinstance', e, scope)) return null;
  if (e.args.length !== 2) {
    scope.report('PTL3005', e.range, `isinstance expected 2 arguments, got ${e.args.length}`);
    return null;
  }
  const classes = isinstanceClasses(e.args[1]!);
  if (classes === null) {
    scope.report('PTL2002', e.args[1]!.range, 'isinstance() is supported with the builtin classes (int, float, bool, str, list, dict, set, frozenset, tuple, range) or a tuple of them');
    return null;
  }
  const x = lowerValue(e.args[0]!, scope);
  if (x === null) return null;
  const members = unionParts(x.type);
  if (members) {
    const hits = members.flatMap((m, i) => (classes.some((c) => isInstanceOf(m, c)) ? [i] : []));
    return op('bool', 'union.isinstance', [x, ...hits.map((i): TExpr => ({ kind: 'literal', type: 'int', value: BigInt(i) }))]);
  }
  if (x.type.startsWith('Optional[')) {
    const inner = elementOf(x.type)!;
    if (classes.some((c) => isInstanceOf(inner, c))) return op('bool', 'optional.is_some', [x]);
    return op('bool', 'builtin.isinstance_const', [x, { kind: 'literal', type: 'bool', value: false }]);
  }
  return op('bool', 'builtin.isinstance_const', [x, { kind: 'literal', type: 'bool', value: classes.some((c) => isInstanceOf(x.type, c)) }]);
};

/**
 * `zip(*rows)`: the columns of an iterable of rows whose items have one type
 * (list[list[T]], list[tuple[T, T]], list[str] ...): list[tuple[T, ...]],
 * as many columns as the shortest row. Rows of mixed field types
 * (list[tuple[int, str]]) would give columns of different types: refused.
 */
export function lowerZipStar(rowsNode: ast.Expr_, scope: Scope): TExpr | null {
  const rows = lowerValue(rowsNode, scope);
  if (rows === null) return null;
  const row = iterItemOf(rows.type);
  if (row === undefined) {
    scope.report('PTL3003', rowsNode.range, `zip() argument after * must be an iterable, not ${pyClassName(rows.type)}`);
    return null;
  }
  const parts = tupleParts(row);
  const item = parts ? (parts.every((p) => p === parts[0]) ? parts[0] : undefined) : iterItemOf(row);
  if (item === undefined) {
    scope.report('PTL3003', rowsNode.range, `zip(*rows) of ${row} rows: the columns would have different types`, 'Unpack the rows in a loop, or build each column with a comprehension.');
    return null;
  }
  return op(`list[tuple[${item}, ...]]`, 'builtin.zip_star', [rows]);
}

/** Builtin functions by name (`ord`, ...). */
export const CONTAINERS_BUILTINS: Readonly<Record<string, BuiltinLowering>> = { divmod, pow, isinstance };
/** Methods needing more than a signature, by `<class>.<method>`. */
export const CONTAINERS_METHODS: Readonly<Record<string, SpecialMethod>> = { 'dict.update': dictUpdate };
