/**
 * Input, options and output of the package stage (see package.ts).
 */

import type { ModuleSpec } from '../spec/types.js';

export interface PackageOptions {
  /** Embed the WASM as base64 in the JS (default), or reference a file next to it. */
  readonly wasm?: 'inline' | 'file';
  /** 'file' mode: the WASM file name, relative to the JS module. Default `${spec.module}.wasm`. */
  readonly wasmFileName?: string;
  /** How Python ints cross: JS numbers (safe integers only, default) or bigints (full i64). */
  readonly intMode?: 'number' | 'bigint';
  /** The specifier the generated module imports the runtime from. Default '@portalis/runtime'. */
  readonly runtimeImport?: string;
}

export interface PackageInput {
  readonly spec: ModuleSpec;
  readonly wasm: Uint8Array;
  readonly options?: PackageOptions;
}

export interface PackageResult {
  /** The ES module. */
  readonly js: string;
  /** Its declarations. */
  readonly dts: string;
  /** 'file' mode: where the caller must write the WASM bytes, relative to the JS; null when inlined. */
  readonly wasmFileName: string | null;
}

/** PackageOptions with every default filled in (`resolvePackageOptions`). */
export interface ResolvedPackageOptions {
  readonly wasm: 'inline' | 'file';
  readonly wasmFileName: string;
  readonly intMode: 'number' | 'bigint';
  readonly runtimeImport: string;
}
