/**
 * Prints our AST exactly as CPython's `ast.dump(tree)` prints its own (the
 * default arguments: field names, no attributes, no indentation), so a test
 * can compare the two character for character. Load/Store contexts, which
 * the AST leaves implicit, are recomputed from where an expression sits.
 *
 * With `includeAttributes`, positions are printed like
 * `ast.dump(tree, include_attributes=True)` except that columns count code
 * points, not UTF-8 bytes (the differential test converts CPython's side).
 * `UnsupportedStmt`/`UnsupportedExpr` print as `UnsupportedStmt(node='ClassDef')`,
 * or, with `modelled`, as the statement or expression they carry (ClassDef,
 * Try, Match, Yield... with their fields, as CPython prints them).
 * Optional fields that are null are left out, as CPython leaves out None fields
 * whose default is None (`Slice(step=...)`); `comprehension` and `arguments`
 * carry no positions in CPython, so none are printed for them.
 */
import type * as ast from './ast.js';
import { reprBytes, reprFloat, reprImaginary, reprStr } from './py-repr.js';

export interface DumpOptions {
  readonly includeAttributes?: boolean;
  /** Print an UnsupportedStmt's `modelled` statement (Raise, Try, ClassDef...) instead of the placeholder. */
  readonly modelled?: boolean;
}

type Ctx = 'Load' | 'Store' | 'Del';

export function dumpAst(node: ast.Module | ast.Stmt | ast.Expr_, options: DumpOptions = {}): string {
  const attrs = options.includeAttributes === true;
  const showModelled = options.modelled === true;

  const fields = (name: string, parts: (string | null)[], range?: ast.Stmt['range']): string => {
    const shown = parts.filter((p): p is string => p !== null);
    if (attrs && range) {
      shown.push(
        `lineno=${range.start.line}`,
        `col_offset=${range.start.column - 1}`,
        `end_lineno=${range.end.line}`,
        `end_col_offset=${range.end.column - 1}`,
      );
    }
    return `${name}(${shown.join(', ')})`;
  };
  const list = (items: readonly string[]): string => `[${items.join(', ')}]`;
  const stmts = (body: readonly ast.Stmt[]): string => list(body.map(stmt));
  const exprs = (es: readonly ast.Expr_[], ctx: Ctx = 'Load'): string => list(es.map((e) => expr(e, ctx)));
  const opt = (name: string, e: ast.Expr_ | null): string | null => (e === null ? null : `${name}=${expr(e)}`);

  function arg(a: ast.Arg): string {
    return fields('arg', [`arg=${reprStr(a.arg)}`, opt('annotation', a.annotation)], a.range);
  }

  function args(a: ast.Arguments): string {
    return fields('arguments', [
      `posonlyargs=${list(a.posonlyargs.map(arg))}`,
      `args=${list(a.args.map(arg))}`,
      a.vararg ? `vararg=${arg(a.vararg)}` : null,
      `kwonlyargs=${list(a.kwonlyargs.map(arg))}`,
      `kw_defaults=${list(a.kw_defaults.map((d) => (d === null ? 'None' : expr(d))))}`,
      a.kwarg ? `kwarg=${arg(a.kwarg)}` : null,
      `defaults=${exprs(a.defaults)}`,
    ]);
  }

  function alias(a: ast.Alias): string {
    return fields('alias', [`name=${reprStr(a.name)}`, a.asname === null ? null : `asname=${reprStr(a.asname)}`], a.range);
  }

  function stmt(s: ast.Stmt): string {
    const r = s.range;
    switch (s.type) {
      case 'FunctionDef':
        return fields(
          s.is_async ? 'AsyncFunctionDef' : 'FunctionDef',
          [
            `name=${reprStr(s.name)}`,
            `args=${args(s.args)}`,
            `body=${stmts(s.body)}`,
            `decorator_list=${exprs(s.decorator_list)}`,
            opt('returns', s.returns),
          ],
          r,
        );
      case 'Return':
        return fields('Return', [opt('value', s.value)], r);
      case 'Assign':
        return fields('Assign', [`targets=${exprs(s.targets, 'Store')}`, `value=${expr(s.value)}`], r);
      case 'AugAssign':
        return fields('AugAssign', [`target=${expr(s.target, 'Store')}`, `op=${s.op}()`, `value=${expr(s.value)}`], r);
      case 'AnnAssign': {
        const simple = s.simple ?? s.target.type === 'Name';
        return fields(
          'AnnAssign',
          [`target=${expr(s.target, 'Store')}`, `annotation=${expr(s.annotation)}`, opt('value', s.value), `simple=${simple ? 1 : 0}`],
          r,
        );
      }
      case 'For':
        return fields(
          s.is_async ? 'AsyncFor' : 'For',
          [`target=${expr(s.target, 'Store')}`, `iter=${expr(s.iter)}`, `body=${stmts(s.body)}`, `orelse=${stmts(s.orelse)}`],
          r,
        );
      case 'While':
        return fields('While', [`test=${expr(s.test)}`, `body=${stmts(s.body)}`, `orelse=${stmts(s.orelse)}`], r);
      case 'If':
        return fields('If', [`test=${expr(s.test)}`, `body=${stmts(s.body)}`, `orelse=${stmts(s.orelse)}`], r);
      case 'Expr':
        return fields('Expr', [`value=${expr(s.value)}`], r);
      case 'Pass':
      case 'Break':
      case 'Continue':
        return fields(s.type, [], r);
      case 'Import':
        return fields('Import', [`names=${list(s.names.map(alias))}`], r);
      case 'ImportFrom':
        return fields(
          'ImportFrom',
          [s.module === null ? null : `module=${reprStr(s.module)}`, `names=${list(s.names.map(alias))}`, `level=${s.level}`],
          r,
        );
      case 'Global':
      case 'Nonlocal':
        return fields(s.type, [`names=${list(s.names.map(reprStr))}`], r);
      case 'Delete':
        return fields('Delete', [`targets=${exprs(s.targets, 'Del')}`], r);
      case 'UnsupportedStmt':
        if (showModelled && s.modelled) return modelled(s.modelled);
        return fields('UnsupportedStmt', [`node=${reprStr(s.node)}`], r);
    }
  }

  function keywords(ks: readonly ast.Keyword[]): string {
    return list(ks.map((k) => fields('keyword', [k.arg === null ? null : `arg=${reprStr(k.arg)}`, `value=${expr(k.value)}`], k.range)));
  }

  function pattern(p: ast.Pattern): string {
    const r = p.range;
    const patterns = (ps: readonly ast.Pattern[]): string => list(ps.map(pattern));
    const name = (n: string | null, field = 'name'): string | null => (n === null ? null : `${field}=${reprStr(n)}`);
    switch (p.type) {
      case 'MatchValue':
        return fields('MatchValue', [`value=${expr(p.value)}`], r);
      case 'MatchSingleton':
        return fields('MatchSingleton', [`value=${p.value === null ? 'None' : p.value ? 'True' : 'False'}`], r);
      case 'MatchSequence':
        return fields('MatchSequence', [`patterns=${patterns(p.patterns)}`], r);
      case 'MatchMapping':
        return fields('MatchMapping', [`keys=${exprs(p.keys)}`, `patterns=${patterns(p.patterns)}`, name(p.rest, 'rest')], r);
      case 'MatchClass':
        return fields(
          'MatchClass',
          [`cls=${expr(p.cls)}`, `patterns=${patterns(p.patterns)}`, `kwd_attrs=${list(p.kwd_attrs.map(reprStr))}`, `kwd_patterns=${patterns(p.kwd_patterns)}`],
          r,
        );
      case 'MatchStar':
        return fields('MatchStar', [name(p.name)], r);
      case 'MatchAs':
        return fields('MatchAs', [p.pattern === null ? null : `pattern=${pattern(p.pattern)}`, name(p.name)], r);
      case 'MatchOr':
        return fields('MatchOr', [`patterns=${patterns(p.patterns)}`], r);
    }
  }

  function modelled(s: ast.ModelledStmt): string {
    const r = s.range;
    switch (s.type) {
      case 'Match': {
        const cases = s.cases.map((c) => fields('match_case', [`pattern=${pattern(c.pattern)}`, opt('guard', c.guard), `body=${stmts(c.body)}`]));
        return fields('Match', [`subject=${expr(s.subject)}`, `cases=${list(cases)}`], r);
      }
      case 'Raise':
        return fields('Raise', [opt('exc', s.exc), opt('cause', s.cause)], r);
      case 'Assert':
        return fields('Assert', [`test=${expr(s.test)}`, opt('msg', s.msg)], r);
      case 'Try':
      case 'TryStar': {
        const handlers = s.handlers.map((h) =>
          fields('ExceptHandler', [opt('type', h.exc_type), h.name === null ? null : `name=${reprStr(h.name)}`, `body=${stmts(h.body)}`], h.range),
        );
        return fields(
          s.type,
          [`body=${stmts(s.body)}`, `handlers=${list(handlers)}`, `orelse=${stmts(s.orelse)}`, `finalbody=${stmts(s.finalbody)}`],
          r,
        );
      }
      case 'With': {
        const items = s.items.map((i) =>
          fields('withitem', [`context_expr=${expr(i.context_expr)}`, i.optional_vars === null ? null : `optional_vars=${expr(i.optional_vars, 'Store')}`]),
        );
        return fields(s.is_async ? 'AsyncWith' : 'With', [`items=${list(items)}`, `body=${stmts(s.body)}`], r);
      }
      case 'ClassDef':
        return fields(
          'ClassDef',
          [
            `name=${reprStr(s.name)}`,
            `bases=${exprs(s.bases)}`,
            `keywords=${keywords(s.keywords)}`,
            `body=${stmts(s.body)}`,
            `decorator_list=${exprs(s.decorator_list)}`,
          ],
          r,
        );
    }
  }

  function constant(c: ast.Constant): string {
    switch (c.kind) {
      case 'int':
        return c.value.toString();
      case 'float':
        return reprFloat(c.value);
      case 'complex':
        return reprImaginary(c.value);
      case 'bool':
        return c.value ? 'True' : 'False';
      case 'None':
        return 'None';
      case 'Ellipsis':
        return 'Ellipsis';
      case 'str':
        return reprStr(c.value);
      case 'bytes':
        return reprBytes(c.value);
    }
  }

  function comprehension(c: ast.Comprehension): string {
    return fields('comprehension', [
      `target=${expr(c.target, 'Store')}`,
      `iter=${expr(c.iter)}`,
      `ifs=${exprs(c.ifs)}`,
      `is_async=${c.is_async ? 1 : 0}`,
    ]);
  }
  const generators = (gs: readonly ast.Comprehension[]): string => `generators=${list(gs.map(comprehension))}`;

  function expr(e: ast.Expr_, ctx: Ctx = 'Load'): string {
    const r = e.range;
    switch (e.type) {
      case 'BoolOp':
        return fields('BoolOp', [`op=${e.op}()`, `values=${exprs(e.values)}`], r);
      case 'BinOp':
        return fields('BinOp', [`left=${expr(e.left)}`, `op=${e.op}()`, `right=${expr(e.right)}`], r);
      case 'UnaryOp':
        return fields('UnaryOp', [`op=${e.op}()`, `operand=${expr(e.operand)}`], r);
      case 'IfExp':
        return fields('IfExp', [`test=${expr(e.test)}`, `body=${expr(e.body)}`, `orelse=${expr(e.orelse)}`], r);
      case 'Compare':
        return fields(
          'Compare',
          [`left=${expr(e.left)}`, `ops=${list(e.ops.map((o) => `${o}()`))}`, `comparators=${exprs(e.comparators)}`],
          r,
        );
      case 'Call':
        return fields(
          'Call',
          [
            `func=${expr(e.func)}`,
            `args=${exprs(e.args)}`,
            `keywords=${list(e.keywords.map((k) => fields('keyword', [k.arg === null ? null : `arg=${reprStr(k.arg)}`, `value=${expr(k.value)}`], k.range)))}`,
          ],
          r,
        );
      case 'Constant':
        return fields('Constant', [`value=${constant(e)}`, e.uPrefix ? "kind='u'" : null], r);
      case 'Attribute':
        return fields('Attribute', [`value=${expr(e.value)}`, `attr=${reprStr(e.attr)}`, `ctx=${ctx}()`], r);
      case 'Subscript':
        return fields('Subscript', [`value=${expr(e.value)}`, `slice=${expr(e.slice)}`, `ctx=${ctx}()`], r);
      case 'Name':
        return fields('Name', [`id=${reprStr(e.id)}`, `ctx=${ctx}()`], r);
      case 'Tuple':
      case 'List':
        return fields(e.type, [`elts=${exprs(e.elts, ctx)}`, `ctx=${ctx}()`], r);
      case 'Dict':
        return fields(
          'Dict',
          [`keys=${list(e.keys.map((k) => (k === null ? 'None' : expr(k))))}`, `values=${exprs(e.values)}`],
          r,
        );
      case 'Set':
        return fields('Set', [`elts=${exprs(e.elts)}`], r);
      case 'Slice':
        return fields('Slice', [opt('lower', e.lower), opt('upper', e.upper), opt('step', e.step)], r);
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        return fields(e.type, [`elt=${expr(e.elt)}`, generators(e.generators)], r);
      case 'DictComp':
        return fields('DictComp', [`key=${expr(e.key)}`, `value=${expr(e.value)}`, generators(e.generators)], r);
      case 'Lambda':
        return fields('Lambda', [`args=${args(e.args)}`, `body=${expr(e.body)}`], r);
      case 'JoinedStr':
        return fields('JoinedStr', [`values=${exprs(e.values)}`], r);
      case 'FormattedValue':
        return fields(
          'FormattedValue',
          [
            `value=${expr(e.value)}`,
            `conversion=${e.conversion}`,
            e.format_spec === null ? null : `format_spec=${expr(e.format_spec)}`,
          ],
          r,
        );
      case 'Starred':
        return fields('Starred', [`value=${expr(e.value, ctx)}`, `ctx=${ctx}()`], r);
      case 'NamedExpr':
        return fields('NamedExpr', [`target=${expr(e.target, 'Store')}`, `value=${expr(e.value)}`], r);
      case 'UnsupportedExpr':
        if (showModelled && e.modelled) {
          const m = e.modelled;
          return fields(m.type, [m.value === null ? null : `value=${expr(m.value)}`], m.range);
        }
        return fields('UnsupportedExpr', [`node=${reprStr(e.node)}`], r);
    }
  }

  switch (node.type) {
    case 'Module':
      return `Module(body=${stmts(node.body)}, type_ignores=[])`;
    case 'FunctionDef':
    case 'Return':
    case 'Assign':
    case 'AugAssign':
    case 'AnnAssign':
    case 'For':
    case 'While':
    case 'If':
    case 'Expr':
    case 'Pass':
    case 'Break':
    case 'Continue':
    case 'Import':
    case 'ImportFrom':
    case 'Global':
    case 'Nonlocal':
    case 'Delete':
    case 'UnsupportedStmt':
      return stmt(node);
    default:
      return expr(node);
  }
}
