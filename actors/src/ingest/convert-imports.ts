/**
 * CST → AST for `import a.b as c`, `from ..m import (x as y, z)`,
 * `from m import *` and `from __future__ import ...`, with the dotted names
 * and relative levels CPython records.
 */
import type * as ast from './ast.js';
import { type ConvertContext, identifierText } from './convert-context.js';
import { childByField, childrenByField, type CstNode, namedChildren } from './cst.js';

export function convertAlias(ctx: ConvertContext, node: CstNode): ast.Alias {
  if (node.type === 'aliased_import') {
    const name = childByField(node, 'name');
    const alias = childByField(node, 'alias');
    return {
      type: 'alias',
      name: name ? dottedName(ctx, name) : '',
      asname: alias ? identifierText(ctx, alias) : null,
      range: ctx.rangeOf(node),
    };
  }
  return { type: 'alias', name: dottedName(ctx, node), asname: null, range: ctx.rangeOf(node) };
}

function dottedName(ctx: ConvertContext, node: CstNode): string {
  if (node.type === 'identifier') return identifierText(ctx, node);
  return namedChildren(node)
    .map((n) => identifierText(ctx, n))
    .join('.');
}

export function convertImportFrom(ctx: ConvertContext, node: CstNode): ast.ImportFrom {
  const moduleNode = childByField(node, 'module_name');
  let module: string | null = null;
  let level = 0;
  if (moduleNode?.type === 'relative_import') {
    for (const c of moduleNode.children) {
      if (c.type === 'import_prefix') level = ctx.text(c).replace(/[^.]/g, '').length;
      else if (c.type === 'dotted_name') module = dottedName(ctx, c);
    }
  } else if (moduleNode) {
    module = dottedName(ctx, moduleNode);
  }
  const wildcard = node.children.find((c) => c.type === 'wildcard_import');
  const nameNodes = childrenByField(node, 'name');
  for (const n of nameNodes) {
    // `from m import a.b`: tree-sitter allows a dotted name here, CPython does not.
    const dotted = n.type === 'aliased_import' ? childByField(n, 'name') : n;
    const parts = dotted ? namedChildren(dotted) : [];
    if (parts.length > 1) ctx.error('invalid syntax', parts[0]!.end, parts[0]!.end + 1);
  }
  const names = wildcard
    ? [{ type: 'alias', name: '*', asname: null, range: ctx.rangeOf(wildcard) } as ast.Alias]
    : nameNodes.map((n) => convertAlias(ctx, n));
  return { type: 'ImportFrom', module, names, level, range: ctx.rangeOf(node) };
}

