/**
 * CST → AST for expressions (and assignment targets, which share the shapes:
 * the AST has no Load/Store context). Ranges follow CPython: parentheses
 * around an expression are not part of its range, except for tuples, whose
 * own parentheses are. Constructs the AST does not model become
 * `UnsupportedExpr` with CPython's node name.
 */
import type * as ast from './ast.js';
import { type ConvertContext, identifierText } from './convert-context.js';
import { childByField, childrenByField, type CstNode, hasToken, namedChildren } from './cst.js';
import { checkCallArguments } from './check-calls.js';
import { convertBinary, convertBoolOp, convertCompare } from './convert-operators.js';
import { constant, convertNumber, convertStrings } from './convert-constants.js';
import { UNARY_OPERATORS } from './operators.js';
import { convertComprehension, convertDict, convertSet, convertSlice } from './convert-displays.js';
import { convertParameters } from './convert-args.js';

/** Node types that map to one CPython node this AST does not model. */
const UNSUPPORTED_EXPRESSIONS: Readonly<Record<string, string>> = {};

const STARRED = new Set(['list_splat', 'list_splat_pattern', 'parenthesized_list_splat']);

/**
 * An element of a tuple, list, set or call argument list, where `*x` may
 * stand (as `Starred`). Everywhere else convertExpr rejects it, like CPython
 * (`a + *b`).
 */
export function convertElement(ctx: ConvertContext, node: CstNode, inCall = false): ast.Expr_ {
  if (node.type === 'list_splat' || node.type === 'list_splat_pattern') {
    const inner = namedChildren(node)[0];
    if (inner && !inCall) checkStarOperand(ctx, inner);
    return { type: 'Starred', value: inner ? convertExpr(ctx, inner) : invalid(ctx, node), range: ctx.rangeOf(node) };
  }
  return STARRED.has(node.type) ? unsupportedExpr(ctx, node, 'Starred') : convertExpr(ctx, node);
}

/** Names tree-sitter lets through as identifiers but Python 3 reserves. */
const RESERVED_IDENTIFIERS = new Set(['async', 'await']);

export function unsupportedExpr(ctx: ConvertContext, node: CstNode, name: string, detail?: string): ast.UnsupportedExpr {
  return detail === undefined
    ? { type: 'UnsupportedExpr', node: name, range: ctx.rangeOf(node) }
    : { type: 'UnsupportedExpr', node: name, detail, range: ctx.rangeOf(node) };
}

export function convertName(ctx: ConvertContext, node: CstNode): ast.Name {
  const id = identifierText(ctx, node);
  if (RESERVED_IDENTIFIERS.has(id)) {
    // CPython fails on the token after the keyword (`async = 5` at '=').
    const next = /[ \t\f]*/y;
    next.lastIndex = node.end;
    next.exec(ctx.source);
    ctx.error('invalid syntax', next.lastIndex, next.lastIndex + 1);
  }
  return { type: 'Name', id, range: ctx.rangeOf(node) };
}

/** Strips redundant parentheses: `((x))` is `x`. Tuples keep their own. */
export function unwrapParens(node: CstNode): CstNode {
  let n = node;
  while (n.type === 'parenthesized_expression' || (n.type === 'tuple_pattern' && isParenthesizedSingle(n))) {
    const inner = namedChildren(n)[0];
    if (inner === undefined) break;
    n = inner;
  }
  return n;
}

/** `(x)` as a target parses as a one-element tuple_pattern without a comma. */
function isParenthesizedSingle(node: CstNode): boolean {
  return namedChildren(node).length === 1 && !hasToken(node, ',');
}

export function convertExpr(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  switch (node.type) {
    case 'identifier':
      return convertName(ctx, node);
    case 'integer':
    case 'float':
      return convertNumber(ctx, node);
    case 'string':
      return convertStrings(ctx, node, [node]);
    case 'concatenated_string':
      return convertStrings(ctx, node, namedChildren(node));
    case 'true':
      return constant(ctx, node, { kind: 'bool', value: true });
    case 'false':
      return constant(ctx, node, { kind: 'bool', value: false });
    case 'none':
      return constant(ctx, node, { kind: 'None', value: null });
    case 'ellipsis':
      return constant(ctx, node, { kind: 'Ellipsis', value: null });
    case 'parenthesized_expression':
    case 'tuple_pattern':
      if (node.type === 'parenthesized_expression' || isParenthesizedSingle(node)) return convertParenthesized(ctx, node);
      return { type: 'Tuple', elts: convertElements(ctx, node), range: ctx.rangeOf(node) };
    case 'tuple':
    case 'expression_list':
    case 'pattern_list': {
      // `(*x)`: tree-sitter reads a tuple without a comma; CPython refuses it.
      const only = namedChildren(node);
      if (node.type === 'tuple' && only.length === 1 && only[0]!.type === 'list_splat' && !hasToken(node, ',')) {
        ctx.errorAt(only[0]!, 'cannot use starred expression here');
      }
      return { type: 'Tuple', elts: convertElements(ctx, node), range: ctx.rangeOf(node) };
    }
    case 'list':
    case 'list_pattern':
      return { type: 'List', elts: convertElements(ctx, node), range: ctx.rangeOf(node) };
    case 'binary_operator':
      return convertBinary(ctx, node);
    case 'unary_operator': {
      const op = UNARY_OPERATORS[operatorToken(node)?.type ?? ''] ?? 'UAdd';
      return { type: 'UnaryOp', op, operand: convertField(ctx, node, 'argument'), range: ctx.rangeOf(node) };
    }
    case 'not_operator':
      return { type: 'UnaryOp', op: 'Not', operand: convertField(ctx, node, 'argument'), range: ctx.rangeOf(node) };
    case 'boolean_operator':
      return convertBoolOp(ctx, node);
    case 'comparison_operator':
      return convertCompare(ctx, node);
    case 'conditional_expression': {
      // CPython's test is a disjunction: `a if b if c else d else e` and
      // `a if lambda: 1 else e` need parentheses, which tree-sitter does not ask for.
      const testNode = namedChildren(node)[1];
      if (testNode?.type === 'conditional_expression') ctx.error("expected 'else' after 'if' expression", node.start, testNode.end);
      else if (testNode?.type === 'lambda') ctx.errorAt(testNode, 'invalid syntax');
      const bodyNode = namedChildren(node)[0];
      if (bodyNode?.type === 'named_expression') return convertNamedConditional(ctx, node, bodyNode);
      const [body, test, orelse] = namedChildren(node).map((c) => convertExpr(ctx, c));
      if (!body || !test || !orelse) return invalid(ctx, node);
      return { type: 'IfExp', test, body, orelse, range: ctx.rangeOf(node) };
    }
    case 'call':
      return convertCall(ctx, node);
    case 'attribute': {
      const attr = childByField(node, 'attribute');
      return {
        type: 'Attribute',
        value: convertField(ctx, node, 'object'),
        attr: attr ? identifierText(ctx, attr) : '',
        range: ctx.rangeOf(node),
      };
    }
    case 'subscript':
      return convertSubscript(ctx, node);
    case 'dictionary':
      return convertDict(ctx, node);
    case 'set':
      return convertSet(ctx, node);
    case 'slice':
      return convertSlice(ctx, node);
    case 'list_comprehension':
    case 'set_comprehension':
    case 'dictionary_comprehension':
    case 'generator_expression':
      return convertComprehension(ctx, node);
    case 'lambda':
      return convertLambda(ctx, node);
    case 'named_expression':
      return convertNamed(ctx, node);
    case 'type': {
      // Annotations are wrapped in a `type` node; the expression is its child.
      const inner = namedChildren(node)[0];
      return inner ? convertElement(ctx, inner) : invalid(ctx, node);
    }
    case 'generic_type':
    case 'union_type':
    case 'member_type':
    case 'splat_type':
      return convertTypeExpression(ctx, node);
    case 'yield':
    case 'await':
      return convertYieldOrAwait(ctx, node);
    default: {
      const name = UNSUPPORTED_EXPRESSIONS[node.type];
      if (name !== undefined) return unsupportedExpr(ctx, node, name);
      if (STARRED.has(node.type)) {
        ctx.errorAt(node, 'invalid syntax');
        return unsupportedExpr(ctx, node, 'Starred');
      }
      return invalid(ctx, node);
    }
  }
}

/** `yield`, `yield from x`, `await x`: refused by the later stages, converted here (ast.ts, UnsupportedExpr.modelled). */
function convertYieldOrAwait(ctx: ConvertContext, node: CstNode): ast.UnsupportedExpr {
  const range = ctx.rangeOf(node);
  const valueNode = namedChildren(node)[0];
  const value = valueNode ? convertExpr(ctx, valueNode) : null;
  if (node.type === 'await') {
    return { type: 'UnsupportedExpr', node: 'Await', range, modelled: { type: 'Await', value: value ?? invalid(ctx, node), range } };
  }
  if (hasToken(node, 'from')) {
    return { type: 'UnsupportedExpr', node: 'YieldFrom', range, modelled: { type: 'YieldFrom', value: value ?? invalid(ctx, node), range } };
  }
  return { type: 'UnsupportedExpr', node: 'Yield', range, modelled: { type: 'Yield', value, range } };
}

/** Something tree-sitter accepted that is not a Python 3 expression. */
export function invalid(ctx: ConvertContext, node: CstNode): ast.UnsupportedExpr {
  ctx.errorAt(node, 'invalid syntax');
  return unsupportedExpr(ctx, node, 'Invalid');
}

/**
 * The operator token of an operator node: its one anonymous child
 * (cst.ts does not record fields on anonymous tokens).
 */
export function operatorToken(node: CstNode): CstNode | undefined {
  return node.children.find((c) => !c.named);
}

export function convertField(ctx: ConvertContext, node: CstNode, field: string): ast.Expr_ {
  const child = childByField(node, field);
  return child ? convertExpr(ctx, child) : invalid(ctx, node);
}

function convertParenthesized(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const inner = namedChildren(node)[0];
  if (inner === undefined) return invalid(ctx, node);
  if (inner.type === 'list_splat' || inner.type === 'list_splat_pattern') {
    ctx.errorAt(inner, 'cannot use starred expression here');
  }
  return convertExpr(ctx, inner);
}

function convertElements(ctx: ConvertContext, node: CstNode): ast.Expr_[] {
  return namedChildren(node).map((c) => convertElement(ctx, c));
}

/**
 * tree-sitter-python parses some annotations with a grammar of its own:
 * `List[int]` is a generic_type, `A | B` may be a union_type, `a.B` a
 * member_type. In Python they are ordinary expressions (Subscript, BinOp,
 * Attribute), so they become those.
 */
function convertTypeExpression(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const parts = namedChildren(node);
  switch (node.type) {
    case 'generic_type': {
      const [base, params] = parts;
      if (!base || params?.type !== 'type_parameter') return invalid(ctx, node);
      const items = namedChildren(params);
      const first = items[0];
      if (first === undefined) return invalid(ctx, node);
      let slice: ast.Expr_;
      if (items.length === 1 && !hasToken(params, ',')) {
        slice = convertElement(ctx, first);
      } else {
        let end = items[items.length - 1]!.end;
        for (const c of params.children) if (c.type === ',' && c.end > end) end = c.end;
        slice = { type: 'Tuple', elts: items.map((c) => convertElement(ctx, c)), range: ctx.range(first.start, end) };
      }
      return { type: 'Subscript', value: convertExpr(ctx, base), slice, range: ctx.rangeOf(node) };
    }
    case 'union_type': {
      const [first, ...rest] = parts;
      if (first === undefined) return invalid(ctx, node);
      let left = convertExpr(ctx, first);
      for (const p of rest) {
        left = { type: 'BinOp', left, op: 'BitOr', right: convertExpr(ctx, p), range: ctx.range(first.start, p.end) };
      }
      return left;
    }
    case 'member_type': {
      const [value, attr] = parts;
      if (!value || attr?.type !== 'identifier') return invalid(ctx, node);
      return { type: 'Attribute', value: convertExpr(ctx, value), attr: identifierText(ctx, attr), range: ctx.rangeOf(node) };
    }
    default:
      return unsupportedExpr(ctx, node, 'Starred');
  }
}

function convertCall(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const func = convertField(ctx, node, 'function');
  const argsNode = childByField(node, 'arguments');
  const range = ctx.rangeOf(node);
  if (argsNode === undefined) return invalid(ctx, node);
  if (argsNode.type === 'generator_expression') {
    // `f(x for x in xs)`: the generator is the only argument.
    const comma = argsNode.children.flatMap((c) => (c.type === 'for_in_clause' ? c.children : [])).find((c) => c.type === ',');
    if (comma) ctx.error('Generator expression must be parenthesized', argsNode.start + 1, comma.start);
    return { type: 'Call', func, args: [convertComprehension(ctx, argsNode)], keywords: [], range };
  }
  const { args, keywords } = convertArguments(ctx, argsNode);
  return { type: 'Call', func, args, keywords, range };
}

/** A call's (or a class's) argument list: positional arguments, `*x`, `k=v` and `**kw`. */
export function convertArguments(ctx: ConvertContext, argsNode: CstNode): { args: ast.Expr_[]; keywords: ast.Keyword[] } {
  checkCallArguments(ctx, argsNode);
  const args: ast.Expr_[] = [];
  const keywords: ast.Keyword[] = [];
  for (const child of namedChildren(argsNode)) {
    if (child.type === 'keyword_argument') {
      const name = childByField(child, 'name');
      keywords.push({
        type: 'keyword',
        arg: name ? identifierText(ctx, name) : null,
        value: convertField(ctx, child, 'value'),
        range: ctx.rangeOf(child),
      });
    } else if (child.type === 'dictionary_splat') {
      const value = namedChildren(child)[0];
      keywords.push({ type: 'keyword', arg: null, value: value ? convertExpr(ctx, value) : invalid(ctx, child), range: ctx.rangeOf(child) });
    } else {
      args.push(convertElement(ctx, child, true));
    }
  }
  return { args, keywords };
}

function convertLambda(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const params = childByField(node, 'parameters');
  const body = childByField(node, 'body');
  if (body === undefined) return invalid(ctx, node);
  const args: ast.Arguments = params
    ? convertParameters(ctx, params, true)
    : { type: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [], range: ctx.rangeOf(node) };
  return { type: 'Lambda', args, body: convertExpr(ctx, body), range: ctx.rangeOf(node) };
}

/**
 * `w := a if b else c`: tree-sitter reads `(w := a) if b else c`, CPython
 * `w := (a if b else c)`, the walrus binding loosest.
 */
function convertNamedConditional(ctx: ConvertContext, node: CstNode, named: CstNode): ast.Expr_ {
  const name = childByField(named, 'name');
  const valueNode = childByField(named, 'value');
  const [, testNode, orelseNode] = namedChildren(node);
  if (name?.type !== 'identifier' || !valueNode || !testNode || !orelseNode) return invalid(ctx, node);
  const value: ast.IfExp = {
    type: 'IfExp',
    test: convertExpr(ctx, testNode),
    body: convertExpr(ctx, valueNode),
    orelse: convertExpr(ctx, orelseNode),
    range: ctx.range(valueNode.start, node.end),
  };
  return { type: 'NamedExpr', target: convertName(ctx, name), value, range: ctx.rangeOf(node) };
}

const LOOSER_THAN_BITWISE_OR = new Set(['comparison_operator', 'boolean_operator', 'conditional_expression']);
const STARTS_LOOSER = new Set(['not_operator', 'lambda', 'named_expression']);

/**
 * `*x` in a display and `**x` in a dict take a bitwise_or operand in
 * CPython's grammar (`[*a or b]` is invalid, `f(*a or b)` is not); tree-sitter
 * takes any expression. CPython fails at the first token past the operand.
 */
export function checkStarOperand(ctx: ConvertContext, operand: CstNode): void {
  let n = operand;
  while (LOOSER_THAN_BITWISE_OR.has(n.type)) {
    const left = namedChildren(n)[0];
    if (left === undefined) return;
    if (STARTS_LOOSER.has(left.type)) {
      n = left;
      break;
    }
    if (!LOOSER_THAN_BITWISE_OR.has(left.type)) {
      const re = /[ \t\f]*/y;
      re.lastIndex = left.end;
      re.exec(ctx.source);
      ctx.error('invalid syntax', re.lastIndex, re.lastIndex + 1);
      return;
    }
    n = left;
  }
  if (STARTS_LOOSER.has(n.type)) ctx.error('invalid syntax', n.start, n.start + 1);
}

/** `(name := value)`: the target is always a plain name (tree-sitter's grammar allows nothing else). */
function convertNamed(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const name = childByField(node, 'name');
  const value = childByField(node, 'value');
  if (name?.type !== 'identifier' || value === undefined) return invalid(ctx, node);
  return { type: 'NamedExpr', target: convertName(ctx, name), value: convertExpr(ctx, value), range: ctx.rangeOf(node) };
}

function convertSubscript(ctx: ConvertContext, node: CstNode): ast.Expr_ {
  const value = convertField(ctx, node, 'value');
  const items = childrenByField(node, 'subscript');
  const first = items[0];
  if (first === undefined) return invalid(ctx, node);
  let slice: ast.Expr_;
  if (items.length === 1 && !hasToken(node, ',') && first.type !== 'list_splat') {
    slice = convertElement(ctx, first);
  } else {
    // `a[i, j]` and `a[i,]` index with a tuple that has no parentheses; its
    // range runs from the first item to the last item or trailing comma.
    const close = node.children[node.children.length - 1];
    let end = items[items.length - 1]!.end;
    for (const c of node.children) if (c.type === ',' && c.end > end && c !== close) end = c.end;
    slice = { type: 'Tuple', elts: items.map((c) => convertElement(ctx, c)), range: ctx.range(first.start, end) };
  }
  return { type: 'Subscript', value, slice, range: ctx.rangeOf(node) };
}
