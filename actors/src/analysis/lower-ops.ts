/**
 * Operators on non-scalar values: `+` (str, list, tuple concatenation), `*`
 * (repetition by an int), `%`-free; set algebra `| & - ^`, dict merge `|`;
 * comparisons `== != < <= > >=` through the value traits; `in`/`not in`;
 * `is None`/`is not None`. Each becomes an `op` node (types.ts OpExpr) that
 * transpile/ops.ts prints.
 */
import type * as ast from '../ingest/ast.js';
import type { SourceRange } from '../diagnostics/diagnostic.js';
import { toInt } from './lower-expr.js';
import { commonType, convertTo, retype } from './lower-values.js';
import type { Report } from './report.js';
import { dictParts, elementOf, headOf, isOrdered, iterItemOf, pyClassName, tupleOf, tupleParts, type Ty, unify } from './ty.js';
import type { TExpr } from './types.js';

const SYMBOL: Readonly<Record<string, string>> = {
  Add: '+',
  Sub: '-',
  Mult: '*',
  Div: '/',
  Mod: '%',
  Pow: '**',
  LShift: '<<',
  RShift: '>>',
  BitOr: '|',
  BitXor: '^',
  BitAnd: '&',
  FloorDiv: '//',
};

function unsupported(op: string, l: Ty, r: Ty, range: SourceRange, report: Report): null {
  report('PTL3003', range, `unsupported operand type(s) for ${SYMBOL[op] ?? op}: '${pyClassName(l)}' and '${pyClassName(r)}'`);
  return null;
}

/** `left op right` where at least one side is not int/float/bool. */
export function binaryValues(op: Exclude<ast.Operator, 'MatMult'>, left: TExpr, right: TExpr, range: SourceRange, report: Report): TExpr | null {
  const lh = headOf(left.type);
  const rh = headOf(right.type);
  const seq = (h: string): boolean => h === 'str' || h === 'list' || h === 'tuple';
  if (op === 'Add' && lh === rh && seq(lh)) {
    if (lh === 'tuple') {
      const lp = tupleParts(left.type);
      const rp = tupleParts(right.type);
      if (lp && rp) return { kind: 'op', type: tupleOf([...lp, ...rp]), op: 'tuple.concat_fixed', args: [left, right] };
      const t = unify(left.type, right.type);
      if (t === undefined) return unsupported(op, left.type, right.type, range, report);
      return { kind: 'op', type: t, op: 'tuple.concat', args: [left, right] };
    }
    const t = unify(left.type, right.type);
    if (t === undefined) {
      report('PTL3003', range, `cannot concatenate ${left.type} and ${right.type}: Portalis gives every list one element type`);
      return null;
    }
    return { kind: 'op', type: t, op: `${lh}.concat`, args: [retype(left, t), retype(right, t)] };
  }
  if (op === 'Mult') {
    const [s, n] = seq(lh) && (right.type === 'int' || right.type === 'bool') ? [left, right] : seq(rh) && (left.type === 'int' || left.type === 'bool') ? [right, left] : [null, null];
    if (s && n) {
      if (headOf(s.type) === 'tuple' && tupleParts(s.type)) {
        const parts = tupleParts(s.type)!;
        const item = commonType(parts);
        if (item === undefined) return unsupported(op, left.type, right.type, range, report);
        return { kind: 'op', type: `tuple[${item}, ...]`, op: 'tuple.repeat', args: [s, toInt(n)] };
      }
      return { kind: 'op', type: s.type, op: `${headOf(s.type)}.repeat`, args: [s, toInt(n)] };
    }
  }
  const setLike = (h: string): boolean => h === 'set' || h === 'frozenset';
  if ((op === 'BitOr' || op === 'BitAnd' || op === 'Sub' || op === 'BitXor') && setLike(lh) && setLike(rh)) {
    const t = unify(elementOf(left.type)!, elementOf(right.type)!);
    if (t === undefined) return unsupported(op, left.type, right.type, range, report);
    const name = { BitOr: 'union', BitAnd: 'intersection', Sub: 'difference', BitXor: 'symmetric_difference' }[op];
    const type = `${lh}[${t}]`; // CPython: the result has the left operand's type
    return { kind: 'op', type, op: `set.${name}`, args: [retype(left, `${lh}[${t}]`), retype(right, `${rh}[${t}]`)] };
  }
  if (op === 'BitOr' && lh === 'dict' && rh === 'dict') {
    const t = unify(left.type, right.type);
    if (t === undefined) return unsupported(op, left.type, right.type, range, report);
    return { kind: 'op', type: t, op: 'dict.merge', args: [retype(left, t), retype(right, t)] };
  }
  if (op === 'Mod' && lh === 'str') {
    report('PTL2002', range, 'printf-style formatting (`"..." % values`) is not supported', 'Use an f-string or str.format().');
    return null;
  }
  return unsupported(op, left.type, right.type, range, report);
}

/** One link `a op b` of a comparison chain between non-scalar values; the result is a bool op node. */
export function compareValues(op: ast.CmpOperator, a: TExpr, b: TExpr, range: SourceRange, report: Report): { op: string; left: TExpr; right: TExpr } | null {
  const name = { Eq: 'eq', NotEq: 'ne', Lt: 'lt', LtE: 'le', Gt: 'gt', GtE: 'ge', Is: 'is', IsNot: 'isnot', In: 'in', NotIn: 'notin' }[op];
  if (op === 'Is' || op === 'IsNot') {
    const [value, none] = b.type === 'None' ? [a, b] : a.type === 'None' ? [b, a] : [null, null];
    const identity = value === null ? identityOf(op, a, b) : null;
    if (identity) return identity;
    if (value === null || none === null) {
      report('PTL2002', range, `identity comparisons (\`${op === 'Is' ? 'is' : 'is not'}\`) are only supported with None`, 'Compare values with `==` and `!=`.');
      return null;
    }
    if (value.type === 'None') return { op: op === 'Is' ? 'const_true' : 'const_false', left: value, right: value };
    if (!value.type.startsWith('Optional[')) {
      // CPython: a value of a non-Optional type is never None.
      return { op: op === 'Is' ? 'const_false_of' : 'const_true_of', left: value, right: value };
    }
    return { op: op === 'Is' ? 'is_none' : 'is_not_none', left: value, right: value };
  }
  if (op === 'In' || op === 'NotIn') {
    const h = headOf(b.type);
    if (h === 'str') {
      if (a.type !== 'str') {
        report('PTL3003', range, `'in <string>' requires string as left operand, not ${pyClassName(a.type)}`);
        return null;
      }
      return { op: `str.${name}`, left: a, right: b };
    }
    const item = h === 'dict' ? dictParts(b.type)![0] : iterItemOf(b.type);
    if (item === undefined) {
      report('PTL3003', range, `argument of type '${pyClassName(b.type)}' is not iterable`);
      return null;
    }
    const needle = convertTo(a, item, range, () => {}, 'the value');
    if (needle === null) {
      report('PTL3003', range, `\`in\` tests ${a.type} against a container of ${item}: the result is always ${op === 'In' ? 'False' : 'True'} in Python`, 'Convert the value to the element type first.');
      return null;
    }
    return { op: `${h}.${name}`, left: needle, right: b };
  }
  // == != < <= > >=
  const special = setOrTupleCompare(op, a, b, range, report);
  if (special !== undefined) return special;
  const t = unify(a.type, b.type);
  let left = a;
  let right = b;
  if (t === undefined) {
    // Optional[T] against T (or None) compares as Python does.
    if (a.type.startsWith('Optional[')) right = convertTo(b, a.type, range, () => {}, '') ?? b;
    else if (b.type.startsWith('Optional[')) left = convertTo(a, b.type, range, () => {}, '') ?? a;
    if (left.type !== right.type) {
      if (op === 'Eq' || op === 'NotEq') {
        report('PTL3003', range, `comparing ${a.type} with ${b.type}: the result is always ${op === 'Eq' ? 'False' : 'True'} in Python`, 'Compare values of the same type.');
      } else {
        report('PTL3003', range, `'${SYMBOL_CMP[op]}' not supported between instances of '${pyClassName(a.type)}' and '${pyClassName(b.type)}'`);
      }
      return null;
    }
  } else {
    left = retype(a, t);
    right = retype(b, t);
  }
  if (op !== 'Eq' && op !== 'NotEq' && !isOrdered(left.type)) {
    report('PTL3003', range, `'${SYMBOL_CMP[op]}' not supported between instances of '${pyClassName(a.type)}' and '${pyClassName(b.type)}'`);
    return null;
  }
  return { op: `value.${name}`, left, right };
}

const SYMBOL_CMP: Readonly<Record<string, string>> = { Lt: '<', LtE: '<=', Gt: '>', GtE: '>=' };

const setLike = (t: Ty): boolean => headOf(t) === 'set' || headOf(t) === 'frozenset';

/** `a is b` between two lists, dicts or sets of one type: object identity. */
function identityOf(op: 'Is' | 'IsNot', a: TExpr, b: TExpr): { op: string; left: TExpr; right: TExpr } | null {
  const h = headOf(a.type);
  const kind = h === 'list' || h === 'dict' ? h : setLike(a.type) ? 'set' : null;
  if (kind === null) return null;
  if (kind === 'set' ? !setLike(b.type) || unify(elementOf(a.type)!, elementOf(b.type)!) === undefined : unify(a.type, b.type) === undefined) return null;
  const t = kind === 'set' ? undefined : unify(a.type, b.type)!;
  return { op: `${kind}.${op === 'Is' ? 'is' : 'isnot'}`, left: t ? retype(a, t) : a, right: t ? retype(b, t) : b };
}

/**
 * Comparisons CPython defines beyond one type with itself: set and frozenset
 * with each other (subset order for < <= > >=), fixed tuples of different
 * lengths (lexicographic). undefined: not such a comparison.
 */
function setOrTupleCompare(op: ast.CmpOperator, a: TExpr, b: TExpr, range: SourceRange, report: Report): { op: string; left: TExpr; right: TExpr } | null | undefined {
  const name = { Eq: 'eq', NotEq: 'ne', Lt: 'lt', LtE: 'le', Gt: 'gt', GtE: 'ge' }[op as 'Eq'];
  if (setLike(a.type) && setLike(b.type)) {
    const t = unify(elementOf(a.type)!, elementOf(b.type)!);
    if (t === undefined) return undefined;
    return { op: `set.${name}`, left: retype(a, `${headOf(a.type)}[${t}]`), right: retype(b, `${headOf(b.type)}[${t}]`) };
  }
  const lp = tupleParts(a.type);
  const rp = tupleParts(b.type);
  if (!lp || !rp || lp.length === rp.length) return undefined;
  if (op === 'Eq' || op === 'NotEq') return { op: `tuple.${name}_fixed`, left: a, right: b };
  for (let i = 0; i < Math.min(lp.length, rp.length); i++) {
    if (lp[i] !== rp[i] || !isOrdered(lp[i]!)) {
      report('PTL3003', range, `comparing ${a.type} with ${b.type}: field ${i} has types ${lp[i]} and ${rp[i]}`, 'Compare tuples whose fields have the same types.');
      return null;
    }
  }
  return { op: `tuple.${name}_fixed`, left: a, right: b };
}
