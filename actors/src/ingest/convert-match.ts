/**
 * CST → AST for `match` statements and their patterns, in CPython's shapes
 * (MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass,
 * MatchStar, MatchAs, MatchOr). tree-sitter's pattern grammar leaves a
 * number's minus sign and the wildcard `_` as bare tokens, so they are read
 * from the tokens around them. Converted ahead of analysis (ast.ts,
 * UnsupportedStmt.modelled).
 */
import type * as ast from './ast.js';
import { type ConvertContext, identifierText } from './convert-context.js';
import { convertExpr, convertName } from './convert-expr.js';
import { convertBlock } from './convert-stmt.js';
import { childByField, type CstNode, namedChildren } from './cst.js';

type Range = ast.Stmt['range'];

export function convertMatch(ctx: ConvertContext, node: CstNode, range: Range): ast.Match {
  const subjects = node.children.filter((c) => c.field === 'subject');
  const first = subjects[0];
  let subject: ast.Expr_;
  if (subjects.length === 1 && !node.children.some((c) => c.type === ',')) {
    subject = convertExpr(ctx, first!);
  } else {
    const colon = node.children.find((c) => c.type === ':');
    let end = subjects[subjects.length - 1]?.end ?? node.start;
    for (const c of node.children) if (c.type === ',' && c.end > end && (!colon || c.end <= colon.start)) end = c.end;
    subject = { type: 'Tuple', elts: subjects.map((s) => convertExpr(ctx, s)), range: ctx.range(first?.start ?? node.start, end) };
  }
  const body = childByField(node, 'body');
  const cases = (body ? body.children : []).filter((c) => c.type === 'case_clause').map((c) => convertCase(ctx, c));
  return { type: 'Match', subject, cases, range };
}

function convertCase(ctx: ConvertContext, clause: CstNode): ast.MatchCase {
  const patterns = clause.children.filter((c) => c.type === 'case_pattern');
  let pattern: ast.Pattern;
  if (patterns.length === 1 && !clause.children.some((c) => c.type === ',')) {
    pattern = convertPattern(ctx, patterns[0]!);
  } else {
    // `case a, b:` is a sequence pattern without brackets.
    const start = patterns[0]?.start ?? clause.start;
    let end = patterns[patterns.length - 1]?.end ?? clause.end;
    const colon = clause.children.find((c) => c.type === ':');
    for (const c of clause.children) if (c.type === ',' && c.end > end && (!colon || c.end <= colon.start)) end = c.end;
    pattern = { type: 'MatchSequence', patterns: patterns.map((p) => convertPattern(ctx, p)), range: ctx.range(start, end) };
  }
  const guardNode = childByField(clause, 'guard');
  const guardExpr = guardNode ? namedChildren(guardNode)[0] : undefined;
  const body = convertBlock(ctx, clause, childByField(clause, 'consequence'));
  return { type: 'match_case', pattern, guard: guardExpr ? convertExpr(ctx, guardExpr) : null, body };
}

/** Where the `-` before `offset` starts (tree-sitter keeps the sign as an unpositioned token). */
function minusBefore(ctx: ConvertContext, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /[ \t\f]/.test(ctx.source[i]!)) i--;
  return ctx.source[i] === '-' ? i : offset;
}

const NUMBERS = new Set(['integer', 'float']);

/** A number in a pattern, negated when a `-` token comes right before it among `siblings`. */
function signedNumber(ctx: ConvertContext, siblings: readonly CstNode[], index: number): ast.Expr_ {
  const node = siblings[index]!;
  const value = convertExpr(ctx, node);
  if (siblings[index - 1]?.type !== '-') return value;
  const start = minusBefore(ctx, node.start);
  return { type: 'UnaryOp', op: 'USub', operand: value, range: ctx.range(start, node.end) };
}

/** The pattern a node holds: case_pattern wrappers, sequences of children, literals and the rest. */
function convertPattern(ctx: ConvertContext, node: CstNode): ast.Pattern {
  const range = ctx.rangeOf(node);
  switch (node.type) {
    case 'case_pattern': {
      const kids = node.children;
      const i = kids.findIndex((c) => c.named);
      if (i < 0) return { type: 'MatchAs', pattern: null, name: null, range }; // `_`
      if (NUMBERS.has(kids[i]!.type)) return { type: 'MatchValue', value: signedNumber(ctx, kids, i), range };
      return convertPattern(ctx, kids[i]!);
    }
    case 'union_pattern':
      return { type: 'MatchOr', patterns: memberPatterns(ctx, node), range };
    case 'dotted_name': {
      const parts = namedChildren(node);
      if (parts.length === 1) {
        const name = identifierText(ctx, parts[0]!);
        return name === '_' ? { type: 'MatchAs', pattern: null, name: null, range } : { type: 'MatchAs', pattern: null, name, range };
      }
      return { type: 'MatchValue', value: dottedName(ctx, parts), range };
    }
    case 'integer':
    case 'float':
    case 'string':
    case 'concatenated_string': {
      const value = convertExpr(ctx, node);
      if (value.type === 'JoinedStr') ctx.errorAt(node, 'patterns may only match literals and attribute lookups');
      return { type: 'MatchValue', value, range };
    }
    case 'complex_pattern':
      return { type: 'MatchValue', value: complexNumber(ctx, node), range };
    case 'none':
      return { type: 'MatchSingleton', value: null, range };
    case 'true':
    case 'false':
      return { type: 'MatchSingleton', value: node.type === 'true', range };
    case 'list_pattern':
      return { type: 'MatchSequence', patterns: memberPatterns(ctx, node), range };
    case 'tuple_pattern': {
      const members = namedChildren(node);
      // `(p)` is a group: the pattern itself, without the parentheses.
      if (members.length === 1 && !node.children.some((c) => c.type === ',')) return convertPattern(ctx, members[0]!);
      return { type: 'MatchSequence', patterns: memberPatterns(ctx, node), range };
    }
    case 'splat_pattern': {
      const id = namedChildren(node)[0];
      const name = id ? identifierText(ctx, id) : null;
      return { type: 'MatchStar', name: name === '_' ? null : name, range };
    }
    case 'as_pattern': {
      const [inner, id] = namedChildren(node);
      if (id && ctx.text(id) === '_') ctx.errorAt(id, "cannot use '_' as a target");
      if (inner && namedChildren(inner).some((c) => c.type === 'as_pattern')) {
        // `a as b as c`: CPython fails at the second `as`.
        const re = /[ \t\f]*/y;
        re.lastIndex = inner.end;
        re.exec(ctx.source);
        ctx.error('invalid syntax', re.lastIndex, re.lastIndex + 2);
      }
      return {
        type: 'MatchAs',
        pattern: inner ? convertPattern(ctx, inner) : null,
        name: id ? identifierText(ctx, id) : null,
        range,
      };
    }
    case 'dict_pattern':
      return convertMapping(ctx, node, range);
    case 'class_pattern':
      return convertClassPattern(ctx, node, range);
    default:
      ctx.errorAt(node, 'invalid syntax');
      return { type: 'MatchAs', pattern: null, name: null, range };
  }
}

/** The patterns among a node's children, signs included. */
function memberPatterns(ctx: ConvertContext, node: CstNode): ast.Pattern[] {
  const kids = node.children;
  const out: ast.Pattern[] = [];
  kids.forEach((c, i) => {
    if (c.type === '_' && !c.named) {
      out.push({ type: 'MatchAs', pattern: null, name: null, range: ctx.rangeOf(c) });
      return;
    }
    if (!c.named) return;
    if (NUMBERS.has(c.type)) {
      const value = signedNumber(ctx, kids, i);
      out.push({ type: 'MatchValue', value, range: value.range });
    } else {
      out.push(convertPattern(ctx, c));
    }
  });
  return out;
}

function dottedName(ctx: ConvertContext, parts: readonly CstNode[]): ast.Expr_ {
  let value: ast.Expr_ = convertName(ctx, parts[0]!);
  for (const p of parts.slice(1)) {
    value = { type: 'Attribute', value, attr: identifierText(ctx, p), range: ctx.range(parts[0]!.start, p.end) };
  }
  return value;
}

/** `1+2j`, `-1-2j`: a BinOp of a (signed) real and an imaginary number. */
function complexNumber(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const kids = node.children;
  const numbers = kids.map((c, i) => [c, i] as const).filter(([c]) => c.named);
  const [realEntry, imagEntry] = numbers;
  if (!realEntry || !imagEntry) return convertExpr(ctx, node);
  const left = signedNumber(ctx, kids, realEntry[1]);
  const op = kids[imagEntry[1] - 1]?.type === '-' ? 'Sub' : 'Add';
  const right = convertExpr(ctx, imagEntry[0]);
  const imaginary = (e: ast.Expr_): boolean => e.type === 'Constant' && e.kind === 'complex';
  const realPart = left.type === 'UnaryOp' ? left.operand : left;
  if (imaginary(realPart)) ctx.errorAt(realEntry[0], 'real number required in complex literal');
  else if (!imaginary(right)) ctx.errorAt(imagEntry[0], 'imaginary number required in complex literal');
  return { type: 'BinOp', left, op, right, range: ctx.range(left.range.start.offset, right.range.end.offset) };
}

function convertMapping(ctx: ConvertContext, node: CstNode, range: Range): ast.MatchMapping {
  const keys: ast.Expr_[] = [];
  const patterns: ast.Pattern[] = [];
  let rest: string | null = null;
  const kids = node.children;
  let restNode: CstNode | null = null;
  kids.forEach((c, i) => {
    if (restNode !== null && c.field === 'key') {
      // `{**rest, "k": 1}`: the rest must come last.
      ctx.errorAt(c, 'invalid syntax');
      restNode = null;
    }
    if (c.field === 'key' && c.type === 'dotted_name' && namedChildren(c).length === 1) {
      // A plain name is not a key pattern: CPython fails at the ':' after it.
      const re = /[ \t\f]*/y;
      re.lastIndex = c.end;
      re.exec(ctx.source);
      ctx.error('invalid syntax', re.lastIndex, re.lastIndex + 1);
    }
    if (c.field === 'key') {
      if (NUMBERS.has(c.type)) keys.push(signedNumber(ctx, kids, i));
      else if (c.type === 'dotted_name') keys.push(dottedName(ctx, namedChildren(c)));
      else if (c.type === 'complex_pattern') keys.push(complexNumber(ctx, c));
      else if (c.type === 'none' || c.type === 'true' || c.type === 'false') keys.push(convertExpr(ctx, c));
      else keys.push(convertExpr(ctx, c));
    } else if (c.field === 'value') {
      patterns.push(convertPattern(ctx, c));
    } else if (c.type === 'splat_pattern') {
      restNode = c;
      const id = namedChildren(c)[0];
      rest = id ? identifierText(ctx, id) : null;
    }
  });
  return { type: 'MatchMapping', keys, patterns, rest, range };
}

/** `k=p as n` as tree-sitter nests it: case_pattern > as_pattern > case_pattern > keyword_pattern. */
function keywordUnderAs(arg: CstNode): { keyword: CstNode; as: CstNode; name: CstNode } | null {
  if (arg.type !== 'case_pattern') return null;
  const as = namedChildren(arg).find((c) => c.type === 'as_pattern');
  if (!as) return null;
  const [inner, name] = namedChildren(as);
  const keyword = inner ? namedChildren(inner).find((c) => c.type === 'keyword_pattern') : undefined;
  return keyword && name ? { keyword, as, name } : null;
}

function convertClassPattern(ctx: ConvertContext, node: CstNode, range: Range): ast.MatchClass {
  const [clsNode, ...args] = namedChildren(node);
  const cls = clsNode?.type === 'dotted_name' ? dottedName(ctx, namedChildren(clsNode)) : convertName(ctx, clsNode!);
  const patterns: ast.Pattern[] = [];
  const kwd_attrs: string[] = [];
  const kwd_patterns: ast.Pattern[] = [];
  for (const arg of args) {
    const keyword = arg.type === 'case_pattern' ? namedChildren(arg).find((c) => c.type === 'keyword_pattern') : undefined;
    const asKeyword = keywordUnderAs(arg);
    if (asKeyword) {
      // tree-sitter reads `k=p as n` as `(k=p) as n`; CPython as `k=(p as n)`.
      const { keyword: kw, as, name } = asKeyword;
      const kids = kw.children;
      const nameIndex = kids.findIndex((c) => c.named);
      const valueNode = kids.find((c, i) => (c.named || c.type === '_') && i > nameIndex);
      kwd_attrs.push(identifierText(ctx, kids[nameIndex]!));
      const inner = valueNode && valueNode.named ? convertPattern(ctx, valueNode) : null;
      if (ctx.text(name) === '_') ctx.errorAt(name, "cannot use '_' as a target");
      kwd_patterns.push({ type: 'MatchAs', pattern: inner, name: identifierText(ctx, name), range: ctx.range(valueNode?.start ?? as.start, as.end) });
    } else if (keyword) {
      const kids = keyword.children;
      const nameIndex = kids.findIndex((c) => c.named);
      const valueIndex = kids.findIndex((c, i) => (c.named || c.type === '_') && i > nameIndex);
      kwd_attrs.push(identifierText(ctx, kids[nameIndex]!));
      const valueNode = kids[valueIndex];
      if (valueNode && !valueNode.named) {
        kwd_patterns.push({ type: 'MatchAs', pattern: null, name: null, range: ctx.rangeOf(valueNode) });
      } else if (valueNode && NUMBERS.has(valueNode.type)) {
        const value = signedNumber(ctx, kids, valueIndex);
        kwd_patterns.push({ type: 'MatchValue', value, range: value.range });
      } else if (valueNode) {
        kwd_patterns.push(convertPattern(ctx, valueNode));
      }
    } else {
      if (kwd_attrs.length > 0) ctx.errorAt(arg, 'positional patterns follow keyword patterns');
      patterns.push(convertPattern(ctx, arg));
    }
  }
  return { type: 'MatchClass', cls, patterns, kwd_attrs, kwd_patterns, range };
}
