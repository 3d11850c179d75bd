/**
 * CST → AST for a `def`'s parameter list: positional-only (`/`), keyword-only
 * (`*` or `*args`), defaults, annotations, `**kwargs`, in CPython's
 * `arguments` shape. Also enforces the ordering rules CPython's parser and
 * symbol table enforce (a parameter without default after one with a
 * default, duplicate names, a bare `*` with nothing after it...).
 */
import type * as ast from './ast.js';
import { type ConvertContext, identifierText } from './convert-context.js';
import { childByField, type CstNode, namedChildren } from './cst.js';
import { convertExpr } from './convert-expr.js';

function makeArg(ctx: ConvertContext, nameNode: CstNode, annotationNode: CstNode | undefined, end: number): ast.Arg {
  return {
    type: 'arg',
    arg: identifierText(ctx, nameNode),
    annotation: annotationNode ? convertExpr(ctx, annotationNode) : null,
    range: ctx.range(nameNode.start, end),
  };
}

/** The identifier inside `*args` / `**kwargs` patterns. */
function splatName(node: CstNode): CstNode | undefined {
  return namedChildren(node).find((c) => c.type === 'identifier');
}

export function convertParameters(ctx: ConvertContext, params: CstNode, isLambda = false): ast.Arguments {
  const parenthesized = isLambda ? 'Lambda expression parameters cannot be parenthesized' : 'Function parameters cannot be parenthesized';
  const posonlyargs: ast.Arg[] = [];
  const args: ast.Arg[] = [];
  const kwonlyargs: ast.Arg[] = [];
  const kw_defaults: (ast.Expr_ | null)[] = [];
  const defaults: ast.Expr_[] = [];
  let vararg: ast.Arg | null = null;
  let kwarg: ast.Arg | null = null;
  let sawSlash = false;
  let sawStar = false;
  let bareStar: CstNode | null = null;
  let sawDefault = false;
  const seen = new Set<string>();

  const addPositionalOrKeyword = (arg: ast.Arg, node: CstNode, defaultNode: CstNode | undefined): void => {
    if (kwarg !== null) ctx.errorAt(node, 'arguments cannot follow var-keyword argument');
    if (sawStar) {
      kwonlyargs.push(arg);
      kw_defaults.push(defaultNode ? convertExpr(ctx, defaultNode) : null);
      bareStar = null;
      return;
    }
    args.push(arg);
    if (defaultNode) {
      sawDefault = true;
      defaults.push(convertExpr(ctx, defaultNode));
    } else if (sawDefault) {
      ctx.errorAt(node, 'non-default argument follows default argument');
    }
  };

  const checkDuplicate = (arg: ast.Arg, node: CstNode): void => {
    if (seen.has(arg.arg)) ctx.errorAt(node, `duplicate argument '${arg.arg}' in function definition`);
    seen.add(arg.arg);
  };

  for (const p of namedChildren(params)) {
    switch (p.type) {
      case 'identifier': {
        const arg = makeArg(ctx, p, undefined, p.end);
        checkDuplicate(arg, p);
        addPositionalOrKeyword(arg, p, undefined);
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = childByField(p, 'name');
        if (name === undefined || name.type !== 'identifier') {
          ctx.errorAt(name ?? p, parenthesized);
          break;
        }
        const annotation = childByField(p, 'type');
        const arg = makeArg(ctx, name, annotation, annotation ? annotation.end : name.end);
        checkDuplicate(arg, name);
        addPositionalOrKeyword(arg, p, childByField(p, 'value'));
        break;
      }
      case 'typed_parameter': {
        const annotation = childByField(p, 'type');
        const target = namedChildren(p).find((c) => c.field !== 'type');
        if (target === undefined) break;
        if (target.type === 'identifier') {
          const arg = makeArg(ctx, target, annotation, p.end);
          checkDuplicate(arg, target);
          addPositionalOrKeyword(arg, p, undefined);
        } else {
          const name = splatName(target);
          if (name === undefined) break;
          const arg = makeArg(ctx, name, annotation, p.end);
          checkDuplicate(arg, name);
          if (target.type === 'list_splat_pattern') addVararg(arg, p);
          else addKwarg(arg, p);
        }
        break;
      }
      case 'list_splat_pattern':
      case 'dictionary_splat_pattern': {
        const name = splatName(p);
        if (name === undefined) break;
        const arg = makeArg(ctx, name, undefined, name.end);
        checkDuplicate(arg, name);
        if (p.type === 'list_splat_pattern') addVararg(arg, p);
        else addKwarg(arg, p);
        break;
      }
      case 'keyword_separator':
        if (sawStar) ctx.errorAt(p, '* argument may appear only once');
        if (kwarg !== null) ctx.errorAt(p, 'arguments cannot follow var-keyword argument');
        sawStar = true;
        bareStar = p;
        break;
      case 'positional_separator':
        if (sawSlash) ctx.errorAt(p, '/ may appear only once');
        else if (sawStar) ctx.errorAt(p, '/ must be ahead of *');
        else if (args.length === 0) ctx.errorAt(p, 'at least one argument must precede /');
        sawSlash = true;
        posonlyargs.push(...args.splice(0));
        break;
      case 'tuple_pattern':
        ctx.errorAt(p, parenthesized);
        break;
      default:
        ctx.errorAt(p, 'invalid syntax');
    }
  }
  if (bareStar !== null) {
    if (isLambda) {
      // CPython's lambda rule fails at the token after `*` (and its comma).
      const re = /\s*,?\s*/y;
      re.lastIndex = (bareStar as CstNode).end;
      re.exec(ctx.source);
      ctx.error('named arguments must follow bare *', re.lastIndex, re.lastIndex + 1);
    } else {
      ctx.errorAt(bareStar, 'named arguments must follow bare *');
    }
  }

  return { type: 'arguments', posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults, range: ctx.rangeOf(params) };

  function addVararg(arg: ast.Arg, node: CstNode): void {
    if (kwarg !== null) ctx.errorAt(node, 'arguments cannot follow var-keyword argument');
    if (sawStar) ctx.errorAt(node, '* argument may appear only once');
    sawStar = true;
    vararg = arg;
  }

  function addKwarg(arg: ast.Arg, node: CstNode): void {
    if (kwarg !== null) ctx.errorAt(node, 'arguments cannot follow var-keyword argument');
    kwarg = arg;
  }
}
