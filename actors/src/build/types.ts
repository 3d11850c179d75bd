/**
 * Types of the build stage: Rust source in, validated WASM bytes out.
 *
 * `buildWasm` (build.ts) takes the transpiler's Rust and the module spec and
 * returns the WASM or diagnostics (PTL4xxx). `Toolchain` is what
 * toolchain.ts found; it travels in the result so callers can report which
 * rustc built a module.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { ModuleSpec } from '../spec/types.js';

export type OptLevel = '0' | '1' | '2' | '3' | 's' | 'z';

export interface BuildOptions {
  /** rustc `-C opt-level`; default '3'. */
  readonly optLevel?: OptLevel;
  /** Cache directory; default `PORTALIS_CACHE_DIR` or `<cwd>/node_modules/.cache/portalis`. */
  readonly cacheDir?: string;
  /** A rustc binary to use instead of discovery (checked like PORTALIS_RUSTC). */
  readonly rustc?: string;
}

export interface BuildInput {
  /** The Python file, for diagnostics. */
  readonly file: string;
  /** The generated Rust source (one crate, `use portalis_rt::*;`). */
  readonly rust: string;
  readonly spec: ModuleSpec;
  readonly options?: BuildOptions;
}

export type ToolchainSource = 'option' | 'PORTALIS_RUSTC' | 'PATH' | 'debian';

export interface Toolchain {
  /** The rustc binary (absolute path, or a bare name resolved through PATH). */
  readonly rustc: string;
  /** The release, e.g. `1.63.0`. */
  readonly version: string;
  /** `rustc --print sysroot`. */
  readonly sysroot: string;
  readonly source: ToolchainSource;
  /** The full `rustc -vV` output (part of every cache key). */
  readonly versionInfo: string;
}

export type BuildResult =
  | { readonly ok: true; readonly wasm: Uint8Array; readonly cached: boolean; readonly toolchain: Toolchain; readonly millis: number }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
