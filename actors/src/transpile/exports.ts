/**
 * The WebAssembly export wrappers of a translated module (docs/abi.md): one
 * `extern "C"` function per export form, at the crate root (outside `mod py`,
 * so Python names never clash with them), each calling the Python function
 * `py::<name>` and turning its `PyResult` into the ABI's return value and
 * state word.
 *
 *   'scalar' functions: `f(x: f64) -> f64` (ints as f64) and, when an int
 *   crosses, `f__wide(x: i64) -> i64`.
 *
 *   'wire' functions (a str, container or Optional param or result):
 *
 *     #[no_mangle]
 *     pub extern "C" fn f__w(ptr: i32, len: i32) {
 *         wire_export(ptr, len, |reader| {
 *             let xs = reader.read()?;
 *             let s = reader.read()?;
 *             Ok(move || py::f(xs, s))
 *         })
 *     }
 *
 *   The argument types are inferred from `py::f`'s parameters (each a
 *   `portalis_rt::Wire` type); `wire_export` (actors/rt/src/wire.rs) checks
 *   the whole buffer was read before the call and encodes the result.
 */
import type { FunctionIR } from '../analysis/types.js';
import type { ExportSpec, PyScalar, PyType } from '../spec/types.js';
import { bareIdent, isSnakeCase, pickIdent, RESERVED_VALUE_NAMES } from './names.js';

const IMPORT: Readonly<Record<PyScalar, (arg: string, wide: boolean) => string>> = {
  int: (arg, wide) => (wide ? arg : `import_int(${arg})`),
  float: (arg) => arg,
  bool: (arg) => `import_bool(${arg})`,
};

function exportFn(t: PyType, wide: boolean): string {
  switch (t) {
    case 'int':
      return wide ? 'export_int_wide' : 'export_int';
    case 'float':
      return 'export_float';
    case 'bool':
      return 'export_bool';
    case 'None':
      return 'export_none';
    default:
      throw new Error(`transpile: ${t} is not a scalar result`);
  }
}

/** Names the wrappers at the crate root call unqualified; a wrapper must not shadow them. */
const ROOT_NAMES = new Set(['import_int', 'import_bool', 'export_int', 'export_int_wide', 'export_float', 'export_bool', 'export_none', 'wire_export', 'py']);

const ROOT_NAMES_AND_RESERVED: ReadonlySet<string> = new Set([...RESERVED_VALUE_NAMES, ...ROOT_NAMES]);

/** The reader a `__w` wrapper decodes its arguments from; parameters never take this name. */
const READER = 'reader';

function allow(lints: string[]): string[] {
  return lints.length === 0 ? [] : [`#[allow(${[...new Set(lints)].sort().join(', ')})]`];
}

/** `#[no_mangle]` needs the Rust name to be the symbol (and ASCII); otherwise an `export_...` wrapper carries the symbol in `#[export_name]`. */
function symbolItem(symbol: string): { ident: string; attrs: string[] } {
  const plainIdent = pickIdent(symbol, new Set(), ROOT_NAMES_AND_RESERVED);
  const ascii = /^[\x00-\x7f]*$/.test(symbol);
  const asciiName = [...symbol].map((c) => (/^[\x00-\x7f]$/.test(c) ? c : `u${c.codePointAt(0)!.toString(16)}`)).join('');
  const noMangle = ascii && bareIdent(plainIdent) === symbol && !ROOT_NAMES.has(symbol);
  return noMangle ? { ident: plainIdent, attrs: ['#[no_mangle]'] } : { ident: `export_${asciiName}`, attrs: [`#[export_name = "${symbol}"]`] };
}

/** The export wrappers of one exported function, `pyIdent` being its Rust name inside `mod py`. */
export function printWrappers(e: ExportSpec, fn: Pick<FunctionIR, 'params'>, pyIdent: string): string[] {
  return e.boundary === 'wire' ? printWireWrapper(e, fn, pyIdent) : printScalarWrappers(e, fn, pyIdent);
}

function printScalarWrappers(e: ExportSpec, fn: Pick<FunctionIR, 'params'>, pyIdent: string): string[] {
  const forms = [{ wasm: e.wasm, wide: false }, ...(e.wide ? [{ wasm: e.wide, wide: true }] : [])];
  return forms.flatMap(({ wasm, wide }) => {
    const taken = new Set<string>();
    const params = fn.params.map((p, i) => ({ ident: pickIdent(p.name, taken, ROOT_NAMES_AND_RESERVED), type: wasm.params[i]!, py: p.type as PyScalar }));
    const result = wasm.results[0];
    const call = `py::${pyIdent}(${params.map((p) => IMPORT[p.py](p.ident, wide)).join(', ')})`;
    const { ident, attrs } = symbolItem(wasm.name);
    // rustc exempts `#[no_mangle]` function names (not parameters) from non_snake_case.
    const checked = [...(attrs[0] === '#[no_mangle]' ? [] : [ident]), ...params.map((p) => p.ident)];
    const snake = checked.every(isSnakeCase);
    return [
      '',
      ...attrs,
      ...allow(snake ? [] : ['non_snake_case']),
      `pub extern "C" fn ${ident}(${params.map((p) => `${p.ident}: ${p.type}`).join(', ')})${result ? ` -> ${result}` : ''} {`,
      `    ${exportFn(e.returns, wide)}(${call})`,
      '}',
    ];
  });
}

function printWireWrapper(e: ExportSpec, fn: Pick<FunctionIR, 'params'>, pyIdent: string): string[] {
  const taken = new Set<string>([READER, 'ptr', 'len']);
  const params = fn.params.map((p) => pickIdent(p.name, taken, ROOT_NAMES_AND_RESERVED));
  const { ident, attrs } = symbolItem(e.wasm.name);
  const checked = [...(attrs[0] === '#[no_mangle]' ? [] : [ident]), ...params];
  const snake = checked.every(isSnakeCase);
  return [
    '',
    ...attrs,
    ...allow(snake ? [] : ['non_snake_case']),
    `pub extern "C" fn ${ident}(ptr: i32, len: i32) {`,
    `    wire_export(ptr, len, |${params.length === 0 ? '_' : ''}${READER}| {`,
    ...params.map((p) => `        let ${p} = ${READER}.read()?;`),
    `        Ok(move || py::${pyIdent}(${params.join(', ')}))`,
    '    })',
    '}',
  ];
}
