/**
 * The transpile stage: typed IR (analysis) + spec → one Rust source file, a
 * `cdylib` for wasm32-unknown-unknown built against `portalis_rt`.
 *
 * Layout of the output:
 *
 *   use portalis_rt::*;
 *   mod py {            // the Python module: constants and one fn per def,
 *       ...             // each returning PyResult<T> and using `?`
 *   }
 *   #[no_mangle] pub extern "C" fn f(...)        // docs/abi.md wrappers,
 *   #[no_mangle] pub extern "C" fn f__wide(...)  // outside `py` so Python
 *                                                // names never clash with them
 *
 * The output depends only on the input (deterministic), compiles with rustc
 * 1.63 and current stable without warnings, and carries `#[allow(...)]` only
 * where a lint fires (names that are not snake_case, unused parameters,
 * functions nothing exported calls).
 *
 * `range()` with a step that is not a positive literal iterates with
 * `py_range`, emitted into the module when used (PY_RANGE below). Note for
 * the portalis_rt owner: it could move to rt with this exact signature and
 * semantics (a local definition would then simply shadow it).
 */
import { basename } from 'node:path';
import { visitStmts } from '../analysis/ir-walk.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AnalysisResult, ConstantIR, ModuleIR, TExpr, TStmt, VoidCallExpr } from '../analysis/types.js';
import type { ModuleSpec } from '../spec/types.js';
import { printWrappers } from './exports.js';
import { bareIdent, isSnakeCase, isUpperCase, pickIdent } from './names.js';
import { ExprPrinter, OPAQUE_F64, RUST_TYPE } from './rust-expr.js';
import { type ModuleNames, printFunction } from './rust-body.js';
import { isCopy, rustType } from './rust-types.js';

export interface TranspileInput {
  readonly analysis: AnalysisResult;
  readonly spec: ModuleSpec;
}

export interface TranspileResult {
  readonly rust: string;
  readonly diagnostics: Diagnostic[];
}

export async function transpile(input: TranspileInput): Promise<TranspileResult> {
  return transpileSync(input);
}

export function transpileSync({ analysis, spec }: TranspileInput): TranspileResult {
  const module = analysis.module;
  if (module === null) throw new Error(`transpile: ${analysis.file} has no analysed module (analysis reported errors)`);
  return { rust: printModule(module, spec, basename(analysis.file)), diagnostics: [] };
}

// ── call graph ───────────────────────────────────────────────────────────

/** Module functions and constants an expression or statement list refers to. */
function references(stmts: TStmt[], out: Set<string>): void {
  visitStmts(stmts, (e) => {
    if (e.kind === 'constant') out.add(e.name);
    else if (e.kind === 'call') out.add(e.func);
  });
}

function graph(module: ModuleIR): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const fn of module.functions) {
    const out = new Set<string>();
    references(fn.body, out);
    edges.set(fn.name, out);
  }
  for (const c of module.constants) {
    const out = new Set<string>();
    references([{ kind: 'expr', value: c.value, line: 0 }], out);
    edges.set(c.name, out);
  }
  return edges;
}

function reachable(from: Iterable<string>, edges: Map<string, Set<string>>): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const m of edges.get(n) ?? []) stack.push(m);
  }
  return seen;
}

/** Functions on a call cycle: only these need the recursion guard. */
function recursiveFunctions(module: ModuleIR, edges: Map<string, Set<string>>): Set<string> {
  const out = new Set<string>();
  for (const fn of module.functions) {
    if (reachable(edges.get(fn.name) ?? [], edges).has(fn.name)) out.add(fn.name);
  }
  return out;
}

// ── printing ─────────────────────────────────────────────────────────────

function cleanDoc(doc: string): string[] {
  const lines = doc.replace(/\r\n?/g, '\n').replace(/\t/g, '        ').split('\n');
  let indent = Infinity;
  for (const line of lines.slice(1)) {
    const stripped = line.trimStart();
    if (stripped) indent = Math.min(indent, line.length - stripped.length);
  }
  const cleaned = [lines[0]!.trim(), ...lines.slice(1).map((l) => (indent === Infinity ? l : l.slice(indent)).trimEnd())];
  while (cleaned.length > 0 && cleaned[0] === '') cleaned.shift();
  while (cleaned.length > 0 && cleaned[cleaned.length - 1] === '') cleaned.pop();
  return cleaned;
}

function allow(lints: string[], indent: string): string[] {
  return lints.length === 0 ? [] : [`${indent}#[allow(${[...new Set(lints)].sort().join(', ')})]`];
}

function printModule(module: ModuleIR, spec: ModuleSpec, fileName: string): string {
  const edges = graph(module);
  const exportedNames = spec.exports.map((e) => e.name);
  const live = reachable(module.entry ? [...exportedNames, module.entry] : exportedNames, edges);
  const recursive = recursiveFunctions(module, edges);

  // Rust names of the module-level items, in source order (deterministic).
  const taken = new Set<string>();
  const items = new Map<string, string>();
  // Hidden constants (mutable defaults, `f.<default>.x`) get `f__default__x`.
  for (const c of module.constants) items.set(c.name, pickIdent(c.name.replace(/\.<(\w+)>\./g, '__$1__'), taken));
  // Nested functions are named by qualname (`outer.<locals>.inner` → `outer__inner`).
  for (const f of module.functions) items.set(f.name, pickIdent(f.name === module.entry ? 'main' : f.name.replace(/\.<locals>\./g, '__'), taken));
  // Constants that are not scalar literals are functions; strings and containers among them are made once (shared).
  const computed = new Set(module.constants.filter((c) => c.value.kind !== 'literal' || !isCopy(c.type) || c.variable).map((c) => c.name));
  const names: ModuleNames = { items, computed };

  const out: string[] = [];
  out.push(`// Generated by Portalis from ${fileName}. Do not edit: change the Python and rebuild.`);
  out.push('');
  if (spec.exports.length > 0 || module.entry) {
    out.push('use portalis_rt::*;');
    out.push('');
  }
  if (module.doc) out.push(...cleanDoc(module.doc).map((l) => (l ? `/// ${l}` : '///')));
  out.push('mod py {');
  // With nothing to call (only folded constants) the import is unused, but it
  // still links portalis_rt, whose support exports every module has.
  if (module.functions.length === 0 && computed.size === 0) out.push('    #[allow(unused_imports)]');
  out.push('    use portalis_rt::*;');
  for (const c of module.constants) {
    out.push('');
    out.push(...printConstant(c, names, fileName, live.has(c.name)));
  }
  const body: string[] = [];
  let usesOpaque = false;
  for (const fn of module.functions) {
    body.push('');
    if (fn.doc) body.push(...cleanDoc(fn.doc).map((l) => (l ? `    /// ${l}` : '    ///')));
    if (fn.name !== module.entry) body.push(`    // ${fileName}:${fn.line}`);
    if (fn.name === module.entry) body.push('    // The script\'s top-level code (script mode, `portalis run`).');
    const printed = printFunction(fn, names, recursive.has(fn.name));
    if (fn.name === module.entry) printed.lines[0] = printed.lines[0]!.replace(/^    fn /, '    pub fn ');
    usesOpaque ||= printed.usesOpaque;
    const lints = [...printed.lints];
    // rustc's dead_code ignores names starting with `_`, which private Python functions have.
    const ident = items.get(fn.name)!;
    if (!fn.exported && !live.has(fn.name) && !bareIdent(ident).startsWith('_')) lints.push('dead_code');
    body.push(...allow(lints, '    '));
    body.push(...printed.lines);
  }
  out.push(...body);
  // Function values (`Callable`) are `Rc<dyn Fn(..)>` (docs/values.md).
  if ([...out, ...body].some((l) => /\bRc</.test(l))) out.splice(out.indexOf('    use portalis_rt::*;') + 1, 0, '    use std::rc::Rc;');
  // Helpers, defined only where used (constants may use them too).
  const uses = (name: string): boolean => out.some((l) => l.includes(`${name}(`) && !l.trimStart().startsWith('//'));
  if (uses('py_range')) out.push('', ...PY_RANGE);
  if (usesOpaque || uses('opaque_f64')) out.push('', ...OPAQUE_F64);
  out.push('}');
  const wrappers = spec.exports.flatMap((e) => printWrappers(e, module.functions.find((f) => f.name === e.name)!, items.get(e.name)!));
  if (wrappers.length > 0) {
    out.push('');
    out.push('// WebAssembly exports (docs/abi.md): the fast form takes ints as f64, the `__wide` form as i64.');
    out.push(...wrappers);
  }
  if (module.entry) {
    out.push('');
    out.push('// Script entry (docs/abi.md, "Script mode"): runs the top-level code, returns the exit status.');
    out.push('#[no_mangle]');
    out.push('pub extern "C" fn __portalis_main() -> i32 {');
    out.push(`    run_script(py::${items.get(module.entry)!})`);
    out.push('}');
  }
  return `${out.join('\n')}\n`;
}

function printConstant(c: ConstantIR, names: ModuleNames, fileName: string, used: boolean): string[] {
  const ident = names.items.get(c.name)!;
  const type = RUST_TYPE[c.type];
  const printer = new ExprPrinter({
    local: () => {
      throw new Error('constants have no locals');
    },
    constant: (n) => ({ ident: names.items.get(n)!, computed: names.computed.has(n) }),
    func: () => {
      throw new Error('constants call no functions');
    },
    fresh: (() => {
      let i = 0;
      return (base: string) => `${base}${i++ === 0 ? '' : i}`;
    })(),
  });
  const lines = [`    // ${fileName}:${c.line}`];
  const dead = !used && !bareIdent(ident).startsWith('_');
  if (c.variable) return [...lines, ...printVariable(ident, rustType(c.type), c.name, dead)];
  const value = printer.print(c.value);
  if (!names.computed.has(c.name)) {
    const lints = [...(isUpperCase(ident) ? [] : ['non_upper_case_globals']), ...(dead ? ['dead_code'] : [])];
    lines.push(...allow(lints, '    '));
    lines.push(`    const ${ident}: ${type} = ${value.code};`);
    return lines;
  }
  // Not computable exactly at compile time: a function evaluated where the constant is used.
  const lints = [...(isSnakeCase(ident) ? [] : ['non_snake_case']), ...(dead ? ['dead_code'] : [])];
  if (!isCopy(c.type)) {
    // One object for the whole run (Python's module global): made at the first use, then shared
    // (its expression has no effects: constants call no functions).
    const cell = `${bareIdent(ident).toUpperCase()}__VALUE`;
    lines.push(`    thread_local! { static ${cell}: std::cell::RefCell<Option<${type}>> = std::cell::RefCell::new(None); }`);
    lines.push(...allow(lints, '    '));
    lines.push(`    fn ${ident}() -> PyResult<${type}> {`);
    lines.push(`        if let Some(v) = ${cell}.with(|c| c.borrow().clone()) {`);
    lines.push('            return Ok(v);');
    lines.push('        }');
    lines.push(`        let v: ${type} = ${value.code};`);
    lines.push(`        ${cell}.with(|c| *c.borrow_mut() = Some(v.clone()));`);
    lines.push('        Ok(v)');
    lines.push('    }');
    return lines;
  }
  lines.push(...allow(lints, '    '));
  lines.push(`    fn ${ident}() -> PyResult<${type}> {`);
  lines.push(`        ${value.result ?? `Ok(${value.code})`}`);
  lines.push('    }');
  return lines;
}

/**
 * A module variable (analysis/module-vars.ts): one value for the run, set by
 * `<ident>__set` as the script assigns it, read by `<ident>()`. Analysis
 * refuses reads that could run before the first assignment (CPython's
 * NameError), so the getter's error branch is not reached.
 */
function printVariable(ident: string, type: string, pyName: string, dead: boolean): string[] {
  const cell = `${bareIdent(ident).toUpperCase()}__VALUE`;
  const lints = [...(isSnakeCase(ident) ? [] : ['non_snake_case']), ...(dead ? ['dead_code'] : [])];
  return [
    `    thread_local! { static ${cell}: std::cell::RefCell<Option<${type}>> = std::cell::RefCell::new(None); }`,
    ...allow(lints, '    '),
    `    fn ${ident}() -> PyResult<${type}> {`,
    `        match ${cell}.with(|c| c.borrow().clone()) {`,
    '            Some(v) => Ok(v),',
    `            None => Err(PyErr::new(Exc::RuntimeError, "module variable '${pyName}' read before assignment")),`,
    '        }',
    '    }',
    ...allow(lints.filter((l) => l !== 'non_snake_case').concat(isSnakeCase(`${ident}__set`) ? [] : ['non_snake_case']), '    '),
    `    fn ${bareIdent(ident)}__set(v: ${type}) {`,
    `        ${cell}.with(|c| *c.borrow_mut() = Some(v));`,
    '    }',
  ];
}

/** `range(start, stop, step)` for any step, as CPython iterates it. */
const PY_RANGE = [
  '    /// `range(start, stop, step)` for a step that is not a positive literal.',
  '    fn py_range(start: i64, stop: i64, step: i64) -> PyResult<impl Iterator<Item = i64>> {',
  '        if step == 0 {',
  '            return Err(PyErr::new(Exc::ValueError, "range() arg 3 must not be zero"));',
  '        }',
  '        let mut next = Some(start);',
  '        Ok(std::iter::from_fn(move || {',
  '            let i = next?;',
  '            if (step > 0 && i >= stop) || (step < 0 && i <= stop) {',
  '                return None;',
  '            }',
  '            next = i.checked_add(step);',
  '            Some(i)',
  '        }))',
  '    }',
];
