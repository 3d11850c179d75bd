/**
 * CST → AST for statements and the module. Compound statements end where
 * their last body statement ends (CPython's convention; tree-sitter's block
 * may also cover trailing comments). `elif` becomes a nested `If` in
 * `orelse`; decorators go to `decorator_list` and are not part of the
 * function's range; statements the AST does not model become
 * `UnsupportedStmt` with CPython's node name.
 */
import type * as ast from './ast.js';
import { type ConvertContext, identifierText } from './convert-context.js';
import { convertParameters } from './convert-args.js';
import { convertExpressionStatement, convertTarget } from './convert-assign.js';
import { convertExpr, unsupportedExpr } from './convert-expr.js';
import { convertAlias, convertImportFrom } from './convert-imports.js';
import { checkDeleteTargets } from './check-targets.js';
import { childByField, childrenByField, type CstNode, hasToken, namedChildren } from './cst.js';
import { BLOCK_OWNERS } from './block-owners.js';
import { convertAssert, convertClass, convertRaise, convertTry, convertWith } from './convert-compound.js';
import { convertMatch } from './convert-match.js';

const UNSUPPORTED_STATEMENTS: Readonly<Record<string, string>> = {
  class_definition: 'ClassDef',
  try_statement: 'Try',
  with_statement: 'With',
  match_statement: 'Match',
  type_alias_statement: 'TypeAlias',
};

export function convertModule(ctx: ConvertContext, root: CstNode): ast.Module {
  const body = convertStatements(ctx, root.children);
  return { type: 'Module', body, range: ctx.range(0, ctx.source.length) };
}

/** Node types whose header ends at a ':' followed by a block. */
const COMPOUND = new Set([
  'function_definition', 'class_definition', 'if_statement', 'for_statement', 'while_statement', 'try_statement',
  'with_statement', 'match_statement', 'decorated_definition',
]);
const CLAUSES = new Set(['elif_clause', 'else_clause', 'except_clause', 'finally_clause', 'case_clause']);

/**
 * A simple statement, or a compound statement's header, must sit on one
 * logical line; tree-sitter occasionally runs one on across a line break
 * CPython ends it at (`ee:` then `found = -2` on the next line).
 */
function checkLogicalLine(ctx: ConvertContext, node: CstNode): void {
  if (node.type === 'decorated_definition') {
    for (const c of node.children) if (c.type === 'decorator' || c.field === 'definition') checkLogicalLine(ctx, c);
    return;
  }
  const check = (start: number, end: number): boolean => {
    const nl = ctx.newlineWithin(start, end);
    if (nl >= 0) ctx.error('invalid syntax', nl, nl);
    return nl < 0;
  };
  if (!COMPOUND.has(node.type)) {
    // tree-sitter may count a trailing comment into the node (`@property  # noqa`).
    let end = node.start;
    for (const c of node.children) if (c.named && c.end > end) end = c.end;
    check(node.start, node.children.some((c) => c.named) ? end : node.end);
    return;
  }
  const colon = node.children.find((c) => c.type === ':');
  if (colon && !check(node.start, colon.start)) return;
  for (const c of node.children) {
    if (!CLAUSES.has(c.type)) continue;
    const clauseColon = c.children.find((x) => x.type === ':');
    if (clauseColon && !check(c.start, clauseColon.start)) return;
  }
}

function convertStatements(ctx: ConvertContext, nodes: readonly CstNode[]): ast.Stmt[] {
  const out: ast.Stmt[] = [];
  for (const node of nodes) {
    if (!node.named) continue; // ';' separators
    checkLogicalLine(ctx, node);
    const stmt = convertStatement(ctx, node);
    if (stmt !== null) out.push(stmt);
  }
  return out;
}

/** Converts a `block`, reporting an empty one the way CPython does. */
export function convertBlock(ctx: ConvertContext, owner: CstNode, block: CstNode | undefined): ast.Stmt[] {
  const body = block ? convertStatements(ctx, block.children) : [];
  if (body.length === 0) {
    const what = BLOCK_OWNERS[owner.type] ?? 'statement';
    const line = ctx.lines.lineOf(owner.start);
    // CPython points at the first token after the header, on the next line,
    // or at the end of the last line when the file ends first.
    let at = nextTokenAfter(ctx, block ? block.start : owner.end);
    if (at >= ctx.source.length) at = ctx.source.replace(/\s+$/, '').length;
    ctx.error(`expected an indented block after ${what} on line ${line}`, at, at, 'IndentationError');
  }
  return body;
}

/** Offset of the next non-blank, non-comment character at or after `offset`. */
function nextTokenAfter(ctx: ConvertContext, offset: number): number {
  const re = /(?:\s|#[^\r\n]*|\\\r?\n)*/y;
  re.lastIndex = offset;
  re.exec(ctx.source);
  return Math.min(re.lastIndex, ctx.source.length);
}

/**
 * Where a compound statement ends: at the end of its last body statement,
 * including a trailing ';' (CPython ends it at the block's last token).
 */
export function lastEnd(stmts: readonly ast.Stmt[], fallback: number, source?: string): number {
  const last = stmts[stmts.length - 1];
  if (!last) return fallback;
  let end = last.range.end.offset;
  if (source !== undefined) {
    const semi = /[ \t\f]*;/y;
    semi.lastIndex = end;
    if (semi.exec(source)) end = semi.lastIndex;
  }
  return end;
}

/** Node types that end with a block (tree-sitter's range may run on over trailing comments). */
const ENDS_WITH_BLOCK = new Set([...COMPOUND, ...CLAUSES, 'block']);

/** Where a statement's last token ends: comments after a compound statement's last line are not part of it. */
function contentEnd(ctx: ConvertContext, node: CstNode): number {
  let n = node;
  while (ENDS_WITH_BLOCK.has(n.type)) {
    let last: CstNode | undefined;
    for (let k = n.children.length - 1; k >= 0 && last === undefined; k--) if (n.children[k]!.named) last = n.children[k];
    if (last === undefined) break;
    n = last;
  }
  const semi = /[ \t\f]*;/y;
  semi.lastIndex = n.end;
  return n === node ? node.end : semi.exec(ctx.source) ? semi.lastIndex : n.end;
}

function unsupportedStmt(ctx: ConvertContext, node: CstNode, name: string, detail?: string): ast.UnsupportedStmt {
  const range = ctx.range(node.start, contentEnd(ctx, node));
  return detail === undefined ? { type: 'UnsupportedStmt', node: name, range } : { type: 'UnsupportedStmt', node: name, detail, range };
}

/** A statement later stages do not support yet, with its converted form attached (ast.ts, UnsupportedStmt.modelled). */
function modelledStmt(ctx: ConvertContext, node: CstNode, name: string, convert: (range: ast.Stmt['range']) => ast.ModelledStmt): ast.UnsupportedStmt {
  const wrapper = unsupportedStmt(ctx, node, name);
  return { ...wrapper, modelled: convert(wrapper.range) };
}

function convertStatement(ctx: ConvertContext, node: CstNode): ast.Stmt | null {
  const range = ctx.rangeOf(node);
  switch (node.type) {
    case 'expression_statement':
      return convertExpressionStatement(ctx, node);
    case 'function_definition':
      return convertFunction(ctx, node, []);
    case 'decorated_definition':
      return convertDecorated(ctx, node);
    case 'return_statement': {
      const value = namedChildren(node)[0];
      return { type: 'Return', value: value ? convertExpr(ctx, value) : null, range };
    }
    case 'pass_statement':
      return { type: 'Pass', range };
    case 'break_statement':
      return { type: 'Break', range };
    case 'continue_statement':
      return { type: 'Continue', range };
    case 'if_statement':
      return convertIf(ctx, node);
    case 'for_statement':
      return convertFor(ctx, node);
    case 'while_statement': {
      const body = convertBlock(ctx, node, childByField(node, 'body'));
      const orelse = convertElse(ctx, childByField(node, 'alternative'));
      const test = convertField(ctx, node, 'condition');
      return { type: 'While', test, body, orelse, range: ctx.range(node.start, lastEnd(orelse, lastEnd(body, node.end, ctx.source), ctx.source)) };
    }
    case 'import_statement':
      return { type: 'Import', names: childrenByField(node, 'name').map((n) => convertAlias(ctx, n)), range };
    case 'import_from_statement':
      return convertImportFrom(ctx, node);
    case 'future_import_statement':
      return {
        type: 'ImportFrom',
        module: '__future__',
        names: childrenByField(node, 'name').map((n) => convertAlias(ctx, n)),
        level: 0,
        range,
      };
    case 'global_statement':
      return { type: 'Global', names: namedChildren(node).map((n) => identifierText(ctx, n)), range };
    case 'nonlocal_statement':
      return { type: 'Nonlocal', names: namedChildren(node).map((n) => identifierText(ctx, n)), range };
    case 'print_statement':
    case 'exec_statement': {
      const name = node.type === 'print_statement' ? 'print' : 'exec';
      ctx.errorAt(node, `Missing parentheses in call to '${name}'. Did you mean ${name}(...)?`);
      return null;
    }
    case 'class_definition':
      return modelledStmt(ctx, node, 'ClassDef', (r) => convertClass(ctx, node, [], r));
    case 'try_statement': {
      const star = node.children.some((c) => c.type === 'except_clause' && hasToken(c, '*'));
      if (!node.children.some((c) => c.type === 'except_clause' || c.type === 'finally_clause')) {
        const end = childByField(node, 'body')?.end ?? node.end;
        ctx.error("expected 'except' or 'finally' block", end, end);
      }
      return modelledStmt(ctx, node, star ? 'TryStar' : 'Try', (r) => convertTry(ctx, node, star, r));
    }
    case 'raise_statement':
      return modelledStmt(ctx, node, 'Raise', (r) => convertRaise(ctx, node, r));
    case 'assert_statement':
      return modelledStmt(ctx, node, 'Assert', (r) => convertAssert(ctx, node, r));
    case 'delete_statement':
      return convertDelete(ctx, node);
    case 'match_statement':
      return modelledStmt(ctx, node, 'Match', (r) => convertMatch(ctx, node, r));
    case 'with_statement': {
      const isAsync = hasToken(node, 'async');
      return modelledStmt(ctx, node, isAsync ? 'AsyncWith' : 'With', (r) => convertWith(ctx, node, isAsync, r));
    }
    default: {
      const name = UNSUPPORTED_STATEMENTS[node.type];
      if (name !== undefined) return unsupportedStmt(ctx, node, name);
      ctx.errorAt(node, 'invalid syntax');
      return null;
    }
  }
}

function convertField(ctx: ConvertContext, node: CstNode, field: string): ast.Expr_ {
  const child = childByField(node, field);
  if (child) return convertExpr(ctx, child);
  ctx.errorAt(node, 'invalid syntax');
  return unsupportedExpr(ctx, node, 'Invalid');
}

/** `del a, b[i]`: one target per comma-separated item; `del (a, b)` is one Tuple target. */
function convertDelete(ctx: ConvertContext, node: CstNode): ast.Stmt {
  checkDeleteTargets(ctx, node);
  const items = namedChildren(node);
  const only = items[0];
  const targets = only?.type === 'expression_list' ? namedChildren(only) : items;
  return { type: 'Delete', targets: targets.map((t) => convertExpr(ctx, t)), range: ctx.rangeOf(node) };
}

// ── functions ────────────────────────────────────────────────────────────

function convertDecorated(ctx: ConvertContext, node: CstNode): ast.Stmt | null {
  const decorators = node.children
    .filter((c) => c.type === 'decorator')
    .map((d) => {
      const expr = namedChildren(d)[0];
      return expr ? convertExpr(ctx, expr) : unsupportedExpr(ctx, d, 'Invalid');
    });
  const def = childByField(node, 'definition');
  if (def === undefined) {
    ctx.errorAt(node, 'invalid syntax');
    return null;
  }
  if (def.type === 'function_definition') return convertFunction(ctx, def, decorators);
  if (def.type === 'class_definition') return modelledStmt(ctx, def, 'ClassDef', (r) => convertClass(ctx, def, decorators, r));
  return convertStatement(ctx, def);
}

function convertFunction(ctx: ConvertContext, node: CstNode, decorator_list: ast.Expr_[]): ast.Stmt {
  const nameNode = childByField(node, 'name');
  const paramsNode = childByField(node, 'parameters');
  const returnsNode = childByField(node, 'return_type');
  const body = convertBlock(ctx, node, childByField(node, 'body'));
  if (nameNode === undefined || paramsNode === undefined) {
    ctx.errorAt(node, 'invalid syntax');
    return unsupportedStmt(ctx, node, 'FunctionDef');
  }
  if (childByField(node, 'type_parameters')) {
    // `def f[T](x: T)` is Python 3.12; the AST has no place for type parameters.
    return unsupportedStmt(ctx, node, 'FunctionDef', 'type parameters');
  }
  const first = body[0];
  const docstring =
    first && first.type === 'Expr' && first.value.type === 'Constant' && first.value.kind === 'str' ? first.value.value : null;
  return {
    type: 'FunctionDef',
    name: identifierText(ctx, nameNode),
    nameRange: ctx.rangeOf(nameNode),
    args: convertParameters(ctx, paramsNode),
    body,
    decorator_list,
    returns: returnsNode ? convertExpr(ctx, returnsNode) : null,
    docstring,
    is_async: hasToken(node, 'async'),
    range: ctx.range(node.start, lastEnd(body, node.end, ctx.source)),
  };
}

// ── control flow ─────────────────────────────────────────────────────────

function convertElse(ctx: ConvertContext, clause: CstNode | undefined): ast.Stmt[] {
  return clause ? convertBlock(ctx, clause, childByField(clause, 'body')) : [];
}

function convertIf(ctx: ConvertContext, node: CstNode): ast.Stmt {
  const clauses = childrenByField(node, 'alternative');
  // Build from the last clause back: each `elif` is an If in the previous orelse.
  let orelse: ast.Stmt[] = [];
  for (let i = clauses.length - 1; i >= 0; i--) {
    const clause = clauses[i]!;
    if (clause.type === 'else_clause') {
      orelse = convertElse(ctx, clause);
    } else {
      const body = convertBlock(ctx, clause, childByField(clause, 'consequence'));
      const test = convertField(ctx, clause, 'condition');
      const end = lastEnd(orelse, lastEnd(body, clause.end, ctx.source), ctx.source);
      orelse = [{ type: 'If', test, body, orelse, range: ctx.range(clause.start, end) }];
    }
  }
  const body = convertBlock(ctx, node, childByField(node, 'consequence'));
  const test = convertField(ctx, node, 'condition');
  return { type: 'If', test, body, orelse, range: ctx.range(node.start, lastEnd(orelse, lastEnd(body, node.end, ctx.source), ctx.source)) };
}

function convertFor(ctx: ConvertContext, node: CstNode): ast.Stmt {
  const left = childByField(node, 'left');
  const target = left ? convertTarget(ctx, left) : convertField(ctx, node, 'left');
  const iter = convertField(ctx, node, 'right');
  const body = convertBlock(ctx, node, childByField(node, 'body'));
  const orelse = convertElse(ctx, childByField(node, 'alternative'));
  return {
    type: 'For',
    target,
    iter,
    body,
    orelse,
    is_async: hasToken(node, 'async'),
    range: ctx.range(node.start, lastEnd(orelse, lastEnd(body, node.end, ctx.source), ctx.source)),
  };
}
