/**
 * Function signatures: parameter and return types from annotations, the
 * refusal of function features outside the subset (decorators, defaults,
 * *args, **kwargs, keyword-only parameters, async), and the local variables
 * of each function by Python's scoping rule (a name assigned anywhere in the
 * body is local to the whole body).
 */
import type * as ast from '../ingest/ast.js';
import type { SourceRange } from '../diagnostics/diagnostic.js';
import { targetNames } from './flow.js';
import type { Report } from './report.js';
import type { ReturnType, ValueType } from './types.js';

export interface ParamSig {
  readonly name: string;
  /** The parameter's type inside the function (`tuple[T, ...]` for `*args: T`). */
  readonly type: ValueType | undefined;
  readonly positionalOnly: boolean;
  /** `positional` (before `*`), `varargs` (`*args`), `keywordOnly` (after `*` / `*args`). */
  readonly kind?: 'positional' | 'varargs' | 'keywordOnly';
  /** The default value's expression (evaluated once, at `def` time, as in CPython). */
  readonly default?: ast.Expr_ | null;
  readonly range: SourceRange;
}

export interface FunctionSig {
  readonly name: string;
  readonly node: ast.FunctionDef;
  readonly exported: boolean;
  readonly params: ParamSig[];
  /** From the annotation; undefined when unannotated (then inferred). */
  readonly annotatedReturn: ReturnType | undefined;
  /** The return type: annotated, or inferred (undefined while unknown). */
  returns: ReturnType | undefined;
}

/** The text of a node, for messages. */
export function sourceText(source: string, range: SourceRange): string {
  return source.slice(range.start.offset, range.end.offset);
}

export { annotationType } from './annotations.js';
import { annotationType } from './annotations.js';

/** `script`: a script's functions are never exported (nothing imports a script). */
export function functionSignature(node: ast.FunctionDef, source: string, report: Report, script = false): FunctionSig {
  const exported = !script && !node.name.startsWith('_');
  const a = node.args;
  for (const d of node.decorator_list) report('PTL2006', d.range, 'decorators are not supported');
  if (node.is_async) report('PTL2006', node.nameRange, '`async def` functions are not supported');
  if (a.kwarg) report('PTL2006', a.kwarg.range, `\`**${a.kwarg.arg}\` parameters are not supported`);

  const positional = [...a.posonlyargs, ...a.args];
  const firstDefault = positional.length - a.defaults.length;
  type Entry = readonly [ast.Arg, boolean, 'positional' | 'varargs' | 'keywordOnly', ast.Expr_ | null];
  const entries: Entry[] = [
    ...positional.map((p, i): Entry => [p, i < a.posonlyargs.length, 'positional', i >= firstDefault ? a.defaults[i - firstDefault]! : null]),
    ...(a.vararg ? [[a.vararg, false, 'varargs', null] as Entry] : []),
    ...a.kwonlyargs.map((p, i): Entry => [p, false, 'keywordOnly', a.kw_defaults[i] ?? null]),
  ];
  const params: ParamSig[] = entries.map(([p, positionalOnly, kind, dflt]) => {
    let type: ValueType | undefined;
    if (p.annotation) {
      type = annotationType(p.annotation, source, report, false) as ValueType | undefined;
      if (type !== undefined && kind === 'varargs') type = `tuple[${type}, ...]`;
    } else {
      report(
        'PTL3001',
        p.range,
        exported
          ? `parameter \`${p.arg}\` of exported function \`${node.name}\` needs a type annotation`
          : `parameter \`${p.arg}\` of \`${node.name}\` needs a type annotation`,
        `Annotate it, for example \`${p.arg}: int\` or \`${p.arg}: float\`.`,
      );
    }
    return { name: p.arg, type, positionalOnly, kind, default: dflt, range: p.range };
  });

  let annotatedReturn: ReturnType | undefined;
  if (node.returns) {
    annotatedReturn = annotationType(node.returns, source, report, true);
  } else if (exported) {
    report(
      'PTL3001',
      node.nameRange,
      `exported function \`${node.name}\` needs a return type annotation`,
      `Annotate it, for example \`def ${node.name}(...) -> int:\` (or \`-> None\`).`,
    );
  }
  return { name: node.name, node, exported, params, annotatedReturn, returns: annotatedReturn };
}

/**
 * The local variables of a function in order of first appearance: every name
 * bound by an assignment, augmented assignment, annotation or `for` target,
 * at any depth (Python scoping), minus the parameters.
 */
export function collectLocals(body: ast.Stmt[], params: readonly string[]): string[] {
  const seen = new Set<string>(params);
  const out: string[] = [];
  const add = (n: ast.Name): void => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    out.push(n.id);
  };
  const walk = (stmts: ast.Stmt[]): void => {
    for (const st of stmts) {
      switch (st.type) {
        case 'Assign':
          st.targets.forEach((t) => targetNames(t).forEach(add));
          break;
        case 'AugAssign':
        case 'AnnAssign':
          targetNames(st.target).forEach(add);
          break;
        case 'For':
          targetNames(st.target).forEach(add);
          walk(st.body);
          walk(st.orelse);
          break;
        case 'While':
        case 'If':
          walk(st.body);
          walk(st.orelse);
          break;
        default:
          break;
      }
    }
  };
  walk(body);
  return out;
}

/** Whether a function body has `return <value>` anywhere (not `return` / `return None`). */
export function returnsAValue(body: ast.Stmt[]): boolean {
  return body.some((st) => {
    switch (st.type) {
      case 'Return':
        return st.value !== null && !(st.value.type === 'Constant' && st.value.kind === 'None');
      case 'If':
      case 'While':
      case 'For':
        return returnsAValue(st.body) || returnsAValue(st.orelse);
      default:
        return false;
    }
  });
}
