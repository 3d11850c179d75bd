/**
 * The spec: what a translated module looks like from the outside.
 *
 * Produced by the spec stage from the analysed module; read by transpile (to
 * emit the export wrappers), build (to validate the WASM exports), conformance
 * (to derive inputs and call the WASM) and package (to write the JS glue and
 * the `.d.ts`). The WASM ABI itself is described in docs/abi.md.
 */

/** The Python types that cross the JS/WASM boundary as plain WASM values (ABI version 1). */
export type PyScalar = 'int' | 'float' | 'bool';
export type PyReturn = PyScalar | 'None';
/**
 * Any type that can cross: a canonical type string of docs/values.md
 * (`int`, `str`, `list[float]`, `dict[str, list[int]]`, `Optional[str]`);
 * boundary-type.ts parses it.
 */
export type PyType = string;

/** A WASM value type, as in the binary format. */
export type WasmValType = 'i32' | 'i64' | 'f64';

export interface ParamSpec {
  readonly name: string;
  readonly type: PyType;
}

export interface ExportSpec {
  /** The Python name, also the JS export name. */
  readonly name: string;
  readonly params: readonly ParamSpec[];
  readonly returns: PyType;
  /**
   * How the values cross (docs/abi.md): 'scalar' when every param and the
   * result is a scalar (`wasm` is the fast export, `wide` the i64 one);
   * 'wire' otherwise (`wasm` is the one export `<name>__w(ptr, len)`, which
   * takes its arguments and gives its result in the binary encoding of
   * "Values in linear memory"; `wide` is null).
   */
  readonly boundary: 'scalar' | 'wire';
  /** The docstring, copied into the `.d.ts` as JSDoc. */
  readonly doc: string | null;
  /** 1-based line of the `def`, for messages. */
  readonly line: number;
  /** The fast export (ints cross as f64, safe integers only), or the `__w` export of a 'wire' function. */
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
  /**
   * ABI version; bump when docs/abi.md changes incompatibly. 1 when every
   * export is 'scalar', 2 when any export is 'wire' (a version-1 runtime
   * cannot call those).
   */
  readonly abiVersion: 1 | 2;
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

/**
 * Support exports every Portalis module has, besides the user's functions
 * (docs/abi.md): the five of ABI 1 and the three buffers of "Values in
 * linear memory" (`WIRE_EXPORTS`), which portalis_rt exports from every
 * module it is linked into.
 */
export const SUPPORT_EXPORTS: readonly WasmFunctionSpec[] = [
  { name: '__portalis_state_ptr', params: [], results: ['i32'] },
  { name: '__portalis_error_ptr', params: [], results: ['i32'] },
  { name: '__portalis_error_len', params: [], results: ['i32'] },
  { name: '__portalis_wide_result', params: [], results: ['i64'] },
  { name: '__portalis_clear', params: [], results: [] },
  // The buffers of "Values in linear memory" (ABI 2).
  { name: '__portalis_alloc', params: ['i32'], results: ['i32'] },
  { name: '__portalis_result_ptr', params: [], results: ['i32'] },
  { name: '__portalis_result_len', params: [], results: ['i32'] },
];

/** The support exports an ABI 2 caller needs beyond ABI 1's (a version-1 module built elsewhere may lack them). */
export const WIRE_EXPORTS: readonly string[] = ['__portalis_alloc', '__portalis_result_ptr', '__portalis_result_len'];
