/**
 * Assignment-target rules CPython's parser enforces and tree-sitter's
 * grammar does not fully: a lone starred target, two starred targets in one
 * tuple, and targets of augmented assignment, which must be a single name,
 * attribute or subscript.
 */
import type { ConvertContext } from './convert-context.js';
import { type CstNode, namedChildren } from './cst.js';
import { unwrapParens } from './convert-expr.js';
import { kindName } from './invalid-target.js';

const SEQUENCE_TARGETS = new Set(['tuple_pattern', 'list_pattern', 'pattern_list', 'tuple', 'list', 'expression_list']);
const STARRED = new Set(['list_splat_pattern', 'list_splat']);

export function checkTarget(ctx: ConvertContext, node: CstNode): void {
  const target = unwrapParens(node);
  if (STARRED.has(target.type)) {
    ctx.errorAt(target, 'starred assignment target must be in a list or tuple');
    return;
  }
  checkInner(ctx, target);
}

function checkInner(ctx: ConvertContext, node: CstNode): void {
  const target = unwrapParens(node);
  if (target.type === 'identifier' && ctx.text(target) === '__debug__') {
    ctx.errorAt(target, 'cannot assign to __debug__');
  }
  if (!SEQUENCE_TARGETS.has(target.type)) return;
  let starred = 0;
  for (const elt of namedChildren(target)) {
    const inner = unwrapParens(elt);
    if (STARRED.has(inner.type)) {
      starred++;
      if (starred === 2) ctx.errorAt(target, 'multiple starred expressions in assignment');
      const operand = namedChildren(inner)[0];
      if (operand) checkInner(ctx, operand);
    } else {
      checkInner(ctx, inner);
    }
  }
}

const AUG_NAMES: Readonly<Record<string, string>> = {
  tuple_pattern: 'tuple',
  pattern_list: 'tuple',
  tuple: 'tuple',
  expression_list: 'tuple',
  list_pattern: 'list',
  list: 'list',
  list_splat_pattern: 'starred',
  list_splat: 'starred',
};

export function checkAugTarget(ctx: ConvertContext, node: CstNode): void {
  const target = unwrapParens(node);
  const what = AUG_NAMES[target.type];
  if (what !== undefined) ctx.errorAt(node, `'${what}' is an illegal expression for augmented assignment`);
  else if (target.type === 'identifier' && ctx.text(target) === '__debug__') ctx.errorAt(target, 'cannot assign to __debug__');
}

/** `del f()`, `del 1`: only names, attributes, subscripts and sequences of them can be deleted. */
export function checkDeleteTargets(ctx: ConvertContext, stmt: CstNode): void {
  const visit = (node: CstNode): boolean => {
    const target = unwrapParens(node);
    if (target.type === 'identifier' || target.type === 'attribute' || target.type === 'subscript') return true;
    if (SEQUENCE_TARGETS.has(target.type)) return namedChildren(target).every(visit);
    const kind = kindName(target.type, ctx.text(target)) ?? 'expression';
    ctx.errorAt(target, `cannot delete ${kind}`);
    return false;
  };
  namedChildren(stmt).every(visit);
}
