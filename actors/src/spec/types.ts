/**
 * The spec: what a translated module looks like from the outside.
 *
 * Produced by the spec stage from the analysed module; read by transpile (to
 * emit the export wrappers), build (to validate the WASM exports), conformance
 * (to derive inputs and call the WASM) and package (to write the JS glue and
 * the `.d.ts`). The WASM ABI itself is described in docs/abi.md.
 */

/** The Python types that can cross the JS/WASM boundary today. */
export type PyScalar = 'int' | 'float' | 'bool';
export type PyReturn = PyScalar | 'None';

/** A WASM value type, as in the binary format. */
export type WasmValType = 'i32' | 'i64' | 'f64';

export interface ParamSpec {
  readonly name: string;
  readonly type: PyScalar;
}

export interface ExportSpec {
  /** The Python name, also the JS export name. */
  readonly name: string;
  readonly params: readonly ParamSpec[];
  readonly returns: PyReturn;
  /** The docstring, copied into the `.d.ts` as JSDoc. */
  readonly doc: string | null;
  /** 1-based line of the `def`, for messages. */
  readonly line: number;
  /** The fast export: ints cross as f64 (safe integers only). */
  readonly wasm: WasmFunctionSpec;
  /** The wide export (`<name>__wide`), ints cross as i64; present when any param or the result is an int. */
  readonly wide: WasmFunctionSpec | null;
  /** TypeScript signatures for the two int modes. */
  readonly ts: { readonly number: string; readonly bigint: string };
}

export interface WasmFunctionSpec {
  readonly name: string;
  readonly params: readonly WasmValType[];
  readonly results: readonly WasmValType[];
}

export interface ModuleSpec {
  /** The module name, from the file name (`fib.py` → `fib`). */
  readonly module: string;
  readonly exports: readonly ExportSpec[];
  /** The export named like the module, if any: it becomes the JS default export. */
  readonly defaultExport: string | null;
  /** ABI version; bump when docs/abi.md changes incompatibly. */
  readonly abiVersion: 1;
  /** Script mode (`portalis run`, docs/abi.md "Script mode"); absent for a library module. */
  readonly script?: ScriptSpec;
}

/** A host function a script module imports. */
export interface HostImportSpec {
  readonly module: 'portalis';
  readonly name: string;
  readonly params: readonly WasmValType[];
  readonly results: readonly WasmValType[];
}

export interface ScriptSpec {
  /** `__portalis_main() -> i32`: runs the top-level code, returns the exit status. */
  readonly entry: WasmFunctionSpec;
  /** The host functions the module may import (it imports only those it uses). */
  readonly imports: readonly HostImportSpec[];
}

/** The script-mode contract of docs/abi.md. */
export const SCRIPT_SPEC: ScriptSpec = {
  entry: { name: '__portalis_main', params: [], results: ['i32'] },
  imports: [
    { module: 'portalis', name: 'write', params: ['i32', 'i32', 'i32'], results: [] },
    { module: 'portalis', name: 'argc', params: [], results: ['i32'] },
    { module: 'portalis', name: 'read', params: ['i32', 'i32', 'i32'], results: ['i32'] },
    { module: 'portalis', name: 'argv_len', params: ['i32'], results: ['i32'] },
    { module: 'portalis', name: 'argv_get', params: ['i32', 'i32'], results: [] },
  ],
};

/** Support exports every Portalis module has, besides the user's functions (docs/abi.md). */
export const SUPPORT_EXPORTS: readonly WasmFunctionSpec[] = [
  { name: '__portalis_state_ptr', params: [], results: ['i32'] },
  { name: '__portalis_error_ptr', params: [], results: ['i32'] },
  { name: '__portalis_error_len', params: [], results: ['i32'] },
  { name: '__portalis_wide_result', params: [], results: ['i64'] },
  { name: '__portalis_clear', params: [], results: [] },
];
