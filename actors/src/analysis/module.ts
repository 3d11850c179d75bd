/**
 * The module level: which names a module binds (math imports, constants,
 * functions) and which top-level statements are refused. Function bodies and
 * constant values are analysed later (functions.ts, constants.ts) against the
 * symbols collected here.
 */
import type * as ast from '../ingest/ast.js';
import type { SourceRange } from '../diagnostics/diagnostic.js';
import { MATH_CONSTANTS, MATH_FUNCTIONS } from './names.js';
import { refuseStatement } from './refusals.js';
import { type Report, where } from './report.js';
import type { ConstantIR } from './types.js';

export interface ConstantDecl {
  readonly name: string;
  readonly target: ast.Name;
  readonly value: ast.Expr_;
  readonly annotation: ast.Expr_ | null;
  /** Position in source order among the constants. */
  readonly index: number;
}

export interface ModuleSymbols {
  readonly doc: string | null;
  /** Names bound to the math module (`import math`, `import math as m`). */
  readonly mathModules: Set<string>;
  /** Names imported from math: local name → math attribute. */
  readonly mathImports: Map<string, string>;
  readonly constants: ConstantDecl[];
  readonly constantsByName: Map<string, ConstantDecl>;
  readonly functions: ast.FunctionDef[];
  readonly functionsByName: Map<string, ast.FunctionDef>;
  /** Script mode (`portalis run`): print, sys.exit and `len(sys.argv)` are available. */
  readonly script?: boolean;
  /** Names bound to the sys module (script mode only). */
  readonly sysModules?: ReadonlySet<string>;
  /** Mutable default values, one shared object each (defaults.ts), by their hidden constant's name. */
  readonly defaults?: Map<string, ConstantIR>;
}

/** What `from typing import ...` may bring in: the names annotations.ts understands. */
const TYPING_NAMES: ReadonlySet<string> = new Set(['Callable', 'Optional', 'Union', 'List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Sequence', 'Iterable', 'Mapping']);

export function collectModule(module: ast.Module, report: Report): ModuleSymbols {
  const symbols: ModuleSymbols = {
    doc: null,
    mathModules: new Set(),
    mathImports: new Map(),
    constants: [],
    constantsByName: new Map(),
    functions: [],
    functionsByName: new Map(),
    defaults: new Map(),
  };
  let doc: string | null = null;
  const bound = new Map<string, SourceRange>();

  const bind = (name: string, range: SourceRange): boolean => {
    const previous = bound.get(name);
    if (previous) {
      report(
        'PTL2011',
        range,
        `\`${name}\` is already defined at ${where(previous)}; redefining module-level names is not supported`,
        'Give each function, constant and import its own name.',
      );
      return false;
    }
    bound.set(name, range);
    return true;
  };

  const addConstant = (target: ast.Name, value: ast.Expr_, annotation: ast.Expr_ | null): void => {
    if (!bind(target.id, target.range)) return;
    const decl: ConstantDecl = { name: target.id, target, value, annotation, index: symbols.constants.length };
    symbols.constants.push(decl);
    symbols.constantsByName.set(target.id, decl);
  };

  module.body.forEach((stmt, i) => {
    switch (stmt.type) {
      case 'Expr':
        if (stmt.value.type === 'Constant' && stmt.value.kind === 'str') {
          if (i === 0) doc = stmt.value.value;
          return; // a docstring, or a string used as a comment
        }
        if (stmt.value.type === 'Constant' && stmt.value.kind === 'Ellipsis') return;
        report('PTL2011', stmt.range, 'module-level expressions are not supported (module code runs only to define functions and constants)');
        return;
      case 'Pass':
        return;
      case 'Import':
        for (const alias of stmt.names) {
          if (alias.name === 'math') {
            const local = alias.asname ?? 'math';
            if (bind(local, alias.range)) symbols.mathModules.add(local);
          } else {
            report('PTL2005', alias.range, `\`import ${alias.name}\` is not supported; only the math module can be imported`);
          }
        }
        return;
      case 'ImportFrom':
        collectImportFrom(stmt, symbols, bind, report);
        return;
      case 'FunctionDef':
        if (!bind(stmt.name, stmt.nameRange)) return;
        symbols.functions.push(stmt);
        symbols.functionsByName.set(stmt.name, stmt);
        return;
      case 'Assign':
        collectAssign(stmt, addConstant, report);
        return;
      case 'AnnAssign':
        if (stmt.target.type !== 'Name') {
          report('PTL2009', stmt.target.range, 'module constants must be plain names');
        } else if (stmt.value !== null) {
          addConstant(stmt.target, stmt.value, stmt.annotation);
        }
        // `X: int` without a value binds nothing, in Python too.
        return;
      case 'AugAssign': {
        const name = stmt.target.type === 'Name' ? `\`${stmt.target.id}\`` : 'a module-level name';
        report('PTL3008', stmt.range, `${name} is a module constant and cannot be changed`);
        return;
      }
      case 'If':
        if (isMainGuard(stmt)) return; // never runs when the module is imported
        report('PTL2011', stmt.range, 'module-level `if` statements are not supported (only `if __name__ == "__main__":`, which is skipped)');
        return;
      case 'UnsupportedStmt': {
        const refusal = refuseStatement(stmt.node);
        report(refusal.code, stmt.range, refusal.message, refusal.hint);
        return;
      }
      case 'Global':
      case 'Nonlocal':
        report('PTL2001', stmt.range, `\`${stmt.type.toLowerCase()}\` statements are not supported`);
        return;
      default:
        report('PTL2011', stmt.range, `module-level \`${statementKeyword(stmt)}\` statements are not supported; put this code inside a function`);
    }
  });

  return { ...symbols, doc };
}

function collectImportFrom(
  stmt: ast.ImportFrom,
  symbols: ModuleSymbols,
  bind: (name: string, range: SourceRange) => boolean,
  report: Report,
): void {
  if (stmt.level === 0 && stmt.module === '__future__') return; // `from __future__ import annotations` changes nothing here
  if (stmt.level === 0 && stmt.module === 'typing') {
    // Names used only in annotations (annotations.ts reads them by name).
    for (const alias of stmt.names) {
      if (!TYPING_NAMES.has(alias.name) || alias.asname !== null) {
        report('PTL2005', alias.range, `\`from typing import ${alias.name}${alias.asname ? ` as ${alias.asname}` : ''}\` is not supported`, `Import only ${[...TYPING_NAMES].join(', ')} (without \`as\`).`);
      } else {
        bind(alias.name, alias.range);
      }
    }
    return;
  }
  if (stmt.level !== 0 || stmt.module !== 'math') {
    const from = '.'.repeat(stmt.level) + (stmt.module ?? '');
    report('PTL2005', stmt.range, `\`from ${from} import ...\` is not supported; only the math module can be imported`);
    return;
  }
  for (const alias of stmt.names) {
    if (alias.name === '*') {
      report('PTL2005', alias.range, '`from math import *` is not supported', 'Import the names you use: `from math import sqrt, pi`.');
      continue;
    }
    if (!MATH_FUNCTIONS.has(alias.name) && !MATH_CONSTANTS.has(alias.name)) {
      report('PTL2007', alias.range, `\`math.${alias.name}\` is not supported`);
      continue;
    }
    const local = alias.asname ?? alias.name;
    if (bind(local, alias.range)) symbols.mathImports.set(local, alias.name);
  }
}

function collectAssign(
  stmt: ast.Assign,
  addConstant: (target: ast.Name, value: ast.Expr_, annotation: ast.Expr_ | null) => void,
  report: Report,
): void {
  for (const target of stmt.targets) {
    if (target.type === 'Name') {
      addConstant(target, stmt.value, null);
    } else if ((target.type === 'Tuple' || target.type === 'List') && stmt.value.type === 'Tuple' && stmt.targets.length === 1) {
      const values = stmt.value.elts;
      if (values.length !== target.elts.length || !target.elts.every((e) => e.type === 'Name')) {
        report('PTL2009', target.range, 'module constants must be plain names, unpacked from a tuple of the same length');
        continue;
      }
      target.elts.forEach((elt, i) => addConstant(elt as ast.Name, values[i]!, null));
    } else {
      report('PTL2009', target.range, 'module constants must be plain names');
    }
  }
}

/** `if __name__ == "__main__":` (either operand order, `==` only). */
export function isMainGuard(stmt: ast.If): boolean {
  const t = stmt.test;
  if (t.type !== 'Compare' || t.ops.length !== 1 || t.ops[0] !== 'Eq') return false;
  const [a, b] = [t.left, t.comparators[0]!];
  const isName = (e: ast.Expr_): boolean => e.type === 'Name' && e.id === '__name__';
  const isMain = (e: ast.Expr_): boolean => e.type === 'Constant' && e.kind === 'str' && e.value === '__main__';
  return (isName(a) && isMain(b)) || (isMain(a) && isName(b));
}

function statementKeyword(stmt: ast.Stmt): string {
  switch (stmt.type) {
    case 'For':
      return 'for';
    case 'While':
      return 'while';
    case 'Return':
      return 'return';
    case 'Break':
      return 'break';
    case 'Continue':
      return 'continue';
    default:
      return stmt.type;
  }
}
