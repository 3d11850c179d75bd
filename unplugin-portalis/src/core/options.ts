/**
 * Plugin options: `Options` is what a user writes (everything optional),
 * `ResolvedOptions` is everything filled in. `resolveOptions()` is the only
 * place defaults live, and it rejects unusable config up front with a
 * `[unplugin-portalis] ...` message instead of failing later inside a build.
 *
 * Neighbours: filter.ts turns `include`/`exclude` into the hook filter;
 * context.ts passes `compileOptions()` to the compiler pool.
 */
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import type { CompileOptions } from '@portalis/actors';
import type { FilterPattern } from 'unplugin';
import { PY_EXCLUDE, PY_INCLUDE } from './filter.js';

export const PLUGIN_NAME = 'unplugin-portalis';

/** How the WASM of a module reaches the output. */
export type WasmMode =
  /** Emit a real `.wasm` asset where the bundler supports it (Vite build, Rollup), inline elsewhere. */
  | 'auto'
  /** Always embed the WASM in the JS module as base64. Works in every bundler and in dev. */
  | 'inline'
  /** Always emit a `.wasm` asset; only Vite build and Rollup can do this (rejected elsewhere). */
  | 'asset';

export type OptLevel = NonNullable<CompileOptions['optLevel']>;

export interface Options {
  /** Which modules are compiled. Default `[/\.py$/]`. Strings are globs (resolved against cwd by the bundler). */
  include?: FilterPattern;
  /** Which modules are left alone; wins over `include`. Default `[/[\\/]node_modules[\\/]/]`. */
  exclude?: FilterPattern;
  /** How Python `int` crosses into JS: `number` (default; RangeError outside safe integers) or `bigint`. */
  intMode?: 'number' | 'bigint';
  /** Where the WASM goes; see `WasmMode`. Default `auto`. */
  wasm?: WasmMode;
  /** rustc `-C opt-level`. Default `3`. */
  optLevel?: OptLevel;
  /** Write `<name>.py.d.ts` next to each compiled `.py` so TypeScript sees its exports. Default `true`. */
  dts?: boolean;
  /** Worker threads compiling in parallel. Default: the compiler's choice (from available parallelism). */
  maxThreads?: number;
  /** Build cache directory. Default: the compiler's (`PORTALIS_CACHE_DIR` or `node_modules/.cache/portalis`). */
  cacheDir?: string;
  /** Module specifier the generated JS imports the runtime from. Default: the absolute path of `@portalis/runtime`. */
  runtimeImport?: string;
}

export interface ResolvedOptions {
  include: FilterPattern;
  exclude: FilterPattern;
  intMode: 'number' | 'bigint';
  wasm: WasmMode;
  optLevel: OptLevel;
  dts: boolean;
  maxThreads: number | undefined;
  cacheDir: string | undefined;
  runtimeImport: string;
}

const KNOWN_KEYS: ReadonlySet<string> = new Set<keyof Options>([
  'include', 'exclude', 'intMode', 'wasm', 'optLevel', 'dts', 'maxThreads', 'cacheDir', 'runtimeImport',
]);
const INT_MODES = ['number', 'bigint'] as const;
const WASM_MODES = ['auto', 'inline', 'asset'] as const;
const OPT_LEVELS = ['0', '1', '2', '3', 's', 'z'] as const;

export function resolveOptions(options: Options = {}): ResolvedOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    fail(`options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_KEYS.has(key)) fail(`unknown option \`${key}\`; known options: ${[...KNOWN_KEYS].join(', ')}`);
  }
  const {
    include = PY_INCLUDE,
    exclude = PY_EXCLUDE,
    intMode = 'number',
    wasm = 'auto',
    optLevel = '3',
    dts = true,
    maxThreads,
    cacheDir,
    runtimeImport,
  } = options;

  checkPattern('include', include);
  checkPattern('exclude', exclude);
  checkOneOf('intMode', intMode, INT_MODES);
  checkOneOf('wasm', wasm, WASM_MODES);
  // A number is the likely mistake (`optLevel: 3`); say so rather than "must be one of".
  if (typeof optLevel === 'number') fail(`\`optLevel\` must be a string such as '3' or 's', got the number ${optLevel}`);
  checkOneOf('optLevel', optLevel, OPT_LEVELS);
  if (typeof dts !== 'boolean') fail(`\`dts\` must be true or false, got ${describe(dts)}`);
  if (maxThreads !== undefined && (!Number.isInteger(maxThreads) || maxThreads < 1)) {
    fail(`\`maxThreads\` must be a positive integer, got ${describe(maxThreads)}`);
  }
  if (cacheDir !== undefined && (typeof cacheDir !== 'string' || cacheDir === '')) {
    fail(`\`cacheDir\` must be a non-empty path, got ${describe(cacheDir)}`);
  }
  if (runtimeImport !== undefined && (typeof runtimeImport !== 'string' || runtimeImport === '')) {
    fail(`\`runtimeImport\` must be a non-empty module specifier, got ${describe(runtimeImport)}`);
  }

  return {
    include,
    exclude,
    intMode,
    wasm,
    optLevel,
    dts,
    maxThreads,
    cacheDir,
    runtimeImport: runtimeImport ?? resolveRuntimeEntry(),
  };
}

/**
 * The absolute path of `@portalis/runtime`'s entry, resolved from this
 * package, so projects using the plugin need not install the runtime
 * themselves. Forward slashes, because it ends up inside an import string.
 */
export function resolveRuntimeEntry(): string {
  try {
    return createRequire(import.meta.url).resolve('@portalis/runtime').split(sep).join('/');
  } catch (error) {
    fail(`cannot find @portalis/runtime from ${import.meta.url} (${(error as Error).message}); reinstall unplugin-portalis or set \`runtimeImport\``);
  }
}

function fail(message: string): never {
  throw new Error(`[${PLUGIN_NAME}] ${message}`);
}

function checkOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): asserts value is T {
  if (!allowed.includes(value as T)) {
    fail(`\`${name}\` must be one of ${allowed.map((v) => `'${v}'`).join(', ')}, got ${describe(value)}`);
  }
}

function checkPattern(name: string, value: unknown): void {
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (typeof item !== 'string' && !(item instanceof RegExp)) {
      fail(`\`${name}\` must be a string glob, a RegExp or an array of them, got ${describe(item)}`);
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
