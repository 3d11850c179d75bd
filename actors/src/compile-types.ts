/**
 * The public types of a compile job: what callers (CLI, bundler plugin, the
 * worker pool) pass in and get back. Plain data only, so a result can cross
 * a worker boundary unchanged (the WASM bytes are moved, not copied).
 */
import type { Diagnostic, StageName } from './diagnostics/diagnostic.js';
import type { ConformanceReport } from './conformance/index.js';
import type { ModuleSpec } from './spec/types.js';

export interface CompileInput {
  /** Absolute or cwd-relative path of the `.py` file; used in diagnostics and to read the source. */
  readonly file: string;
  /** The source text, when the caller already has it (a bundler's `load`), so the file is not read again. */
  readonly source?: string;
}

export interface CompileOptions {
  /** How Python `int` crosses into JS: `number` (RangeError outside safe integers) or `bigint`. Default `number`. */
  readonly intMode?: 'number' | 'bigint';
  /** Embed the WASM in the JS module as base64 (`inline`, default) or reference a sibling file (`file`). */
  readonly wasm?: 'inline' | 'file';
  /** File name of the WASM in `file` mode; default `<module>.wasm`. */
  readonly wasmFileName?: string;
  /** Module specifier the generated JS imports the runtime from; default `@portalis/runtime`. */
  readonly runtimeImport?: string;
  /** rustc `-C opt-level`; default `3`. */
  readonly optLevel?: '0' | '1' | '2' | '3' | 's' | 'z';
  /** Build cache directory; default `PORTALIS_CACHE_DIR` or `node_modules/.cache/portalis`. */
  readonly cacheDir?: string;
  /** Run the conformance stage against CPython before packaging. Default false (the CLI's `test` turns it on). */
  readonly conformance?: boolean;
}

export interface CompileOutput {
  readonly rust: string;
  readonly wasm: Uint8Array;
  readonly js: string;
  readonly dts: string;
  readonly wasmFileName: string | null;
  readonly spec: ModuleSpec;
}

export interface CompileResult {
  readonly ok: boolean;
  readonly file: string;
  readonly source: string;
  /** Every diagnostic of every stage that ran, in order. */
  readonly diagnostics: Diagnostic[];
  /** The stage that stopped the pipeline, when `ok` is false. */
  readonly failedStage: StageName | null;
  readonly cancelled: boolean;
  readonly output?: CompileOutput;
  /** The conformance report when `options.conformance` was set. */
  readonly conformance?: ConformanceReport;
  /** True when the WASM came from the build cache. */
  readonly cached: boolean;
  /** Milliseconds spent in each stage that ran. */
  readonly timings: Partial<Record<StageName, number>>;
}
