/**
 * The build stage: generated Rust → validated `.wasm` bytes.
 *
 *   buildWasm({ file, rust, spec, options }, { signal })
 *
 * 1. find a rustc with the wasm32 target (toolchain.ts; PTL4001/PTL4005),
 * 2. look the module up in the content-addressed cache (cache.ts); a hit is
 *    re-validated against the spec, a corrupt entry is rebuilt,
 * 3. compile `portalis_rt` once per toolchain (support-library.ts),
 * 4. run rustc on the source (cdylib, `--extern portalis_rt=...`), killed
 *    when the signal aborts (PTL4004); a rustc error is PTL4002, a
 *    Portalis bug, with the location in the generated .rs, whose copy is
 *    kept under `<cacheDir>/failed/` for the bug report,
 * 5. validate the exports against the spec (validate-wasm.ts; PTL4003),
 * 6. store the module in the cache.
 *
 * Never throws for anything the user can cause; a support library that does
 * not compile is a Portalis bug and throws.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { cacheKey, defaultCacheDir, dropCacheEntry, readCacheEntry, writeCacheEntry } from './cache.js';
import { runProcess } from './run-process.js';
import { firstRustcError, rustcTextExcerpt } from './rustc-diagnostics.js';
import { buildSupportLibrary, discardSupportLibrary, rtSourceHash } from './support-library.js';
import { findToolchain, isToolchain, WASM_TARGET } from './toolchain.js';
import type { BuildInput, BuildResult, OptLevel, Toolchain } from './types.js';
import { validateWasm } from './validate-wasm.js';

export type { BuildInput, BuildOptions, BuildResult, OptLevel, Toolchain } from './types.js';
export { findToolchain } from './toolchain.js';
export { buildSupportLibrary } from './support-library.js';

/**
 * Codegen flags besides the opt level. wasm32-unknown-unknown already
 * aborts on panic (a trap); `-C panic=abort` just says so. Part of the cache key.
 */
export const MODULE_FLAGS: readonly string[] = ['-C', 'debuginfo=0', '-C', 'strip=symbols', '-C', 'panic=abort', '--cap-lints', 'allow'];

/**
 * Fat LTO only for the size levels: measured on a small module it cuts the
 * .wasm by about a third (24 KB → 15 KB) but makes rustc ~7x slower
 * (0.2 s → 1.4 s); cross-crate inlining of the hot rt helpers already
 * happens without it (they are `#[inline]`).
 */
export function optFlags(optLevel: OptLevel): string[] {
  const flags = ['-C', `opt-level=${optLevel}`];
  if (optLevel === 's' || optLevel === 'z') flags.push('-C', 'lto=fat');
  return flags;
}

export interface BuildRunOptions {
  readonly signal?: AbortSignal;
  /** Called with rustc's pid when it starts (tests check it is gone after a cancel). */
  readonly onRustcSpawn?: (pid: number) => void;
}

export async function buildWasm(input: BuildInput, opts: BuildRunOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const { file, rust, spec } = input;
  const options = input.options ?? {};
  const optLevel: OptLevel = options.optLevel ?? '3';
  const cacheDir = path.resolve(options.cacheDir ?? defaultCacheDir());
  const { signal } = opts;
  if (signal?.aborted) return cancelled(file);

  const toolchain = await findToolchain({ ...(options.rustc ? { rustc: options.rustc } : {}), file });
  if (!isToolchain(toolchain)) return { ok: false, diagnostics: [toolchain] };

  const key = cacheKey({
    abi: spec.abiVersion,
    rustc: toolchain.versionInfo,
    target: WASM_TARGET,
    flags: [...optFlags(optLevel), ...MODULE_FLAGS],
    rt: await rtSourceHash(),
    rust,
  });
  const entry = await readCacheEntry(cacheDir, key);
  if (entry.status === 'hit') {
    if (validateWasm(entry.wasm, spec).length === 0) {
      return { ok: true, wasm: entry.wasm, cached: true, toolchain, millis: performance.now() - started };
    }
    await dropCacheEntry(cacheDir, key); // stored for another spec, or damaged: rebuild
  } else if (entry.status === 'corrupt') {
    await dropCacheEntry(cacheDir, key);
  }

  for (let attempt = 0; ; attempt++) {
    const rlib = await untilAborted(buildSupportLibrary(toolchain, cacheDir), signal);
    if (rlib === ABORTED) return cancelled(file);
    const result = await compileModule(input, toolchain, cacheDir, key, optLevel, rlib, opts, started);
    if (result === RLIB_UNREADABLE) {
      // The cached rlib is damaged (rustc cannot read its metadata): rebuild it once.
      await discardSupportLibrary(rlib);
      if (attempt === 0) continue;
      throw new Error(`rustc cannot read the freshly built support library ${rlib}`);
    }
    return result;
  }
}

const RLIB_UNREADABLE = Symbol('rlib unreadable');
/** rustc error codes that mean "the portalis_rt crate file is unusable", not "the code is wrong". */
const CRATE_FILE_ERRORS = new Set(['E0786', 'E0460', 'E0463', 'E0514']);

async function compileModule(
  input: BuildInput,
  toolchain: Toolchain,
  cacheDir: string,
  key: string,
  optLevel: OptLevel,
  rlib: string,
  opts: BuildRunOptions,
  started: number,
): Promise<BuildResult | typeof RLIB_UNREADABLE> {
  const { file, rust, spec } = input;
  const { signal } = opts;
  const tmpRoot = path.join(cacheDir, 'tmp');
  await mkdir(tmpRoot, { recursive: true });
  const work = await mkdtemp(path.join(tmpRoot, 'build-'));
  try {
    const rsName = `${safeName(spec.module)}.rs`;
    const rsPath = path.join(work, rsName);
    const outPath = path.join(work, 'module.wasm');
    await writeFile(rsPath, rust);
    const args = [
      '--edition', '2021',
      '--crate-type', 'cdylib',
      '--crate-name', 'portalis_module',
      '--target', WASM_TARGET,
      ...optFlags(optLevel),
      ...MODULE_FLAGS,
      '--error-format=json',
      '--extern', `portalis_rt=${rlib}`,
      '-o', outPath,
      rsName,
    ];
    const out = await runProcess(toolchain.rustc, args, {
      cwd: work,
      ...(signal ? { signal } : {}),
      ...(opts.onRustcSpawn ? { onSpawn: opts.onRustcSpawn } : {}),
    });
    if (out.aborted) return cancelled(file);
    if (out.code !== 0) {
      const first = firstRustcError(out.stderr);
      if (first?.code && CRATE_FILE_ERRORS.has(first.code) && /portalis_rt/.test(first.message)) return RLIB_UNREADABLE;
      return { ok: false, diagnostics: [await rustcFailure(file, toolchain, cacheDir, key, rsPath, out)] };
    }
    const wasm = new Uint8Array(await readFile(outPath));
    const problems = validateWasm(wasm, spec);
    if (problems.length > 0) {
      return {
        ok: false,
        diagnostics: [
          diagnostic({
            code: 'PTL4003',
            stage: 'build',
            file,
            message: `the built WASM does not match the module spec: ${problems.join('; ')}`,
          }),
        ],
      };
    }
    await writeCacheEntry(cacheDir, key, wasm);
    return { ok: true, wasm, cached: false, toolchain, millis: performance.now() - started };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function cancelled(file: string): BuildResult {
  return { ok: false, diagnostics: [diagnostic({ code: 'PTL4004', stage: 'build', file, message: 'build cancelled' })] };
}

async function rustcFailure(
  file: string,
  toolchain: Toolchain,
  cacheDir: string,
  key: string,
  rsPath: string,
  out: { code: number | null; signal: NodeJS.Signals | null; stderr: string; spawnError?: Error },
): Promise<Diagnostic> {
  // Keep the generated source: the message points into it.
  const failedDir = path.join(cacheDir, 'failed');
  const kept = path.join(failedDir, `${key.slice(0, 16)}-${path.basename(rsPath)}`);
  let keptNote = '';
  try {
    await mkdir(failedDir, { recursive: true });
    await copyFile(rsPath, kept);
    keptNote = ` The generated Rust is kept at ${kept}.`;
  } catch {
    // the report is still useful without the copy
  }
  const first = firstRustcError(out.stderr);
  let message: string;
  if (first) {
    const where = first.location ? ` at ${first.location}` : '';
    const code = first.code ? ` [${first.code}]` : '';
    const more = first.count > 1 ? ` (and ${first.count - 1} more error${first.count > 2 ? 's' : ''})` : '';
    message =
      `rustc ${toolchain.version} rejected the generated Rust${where}: ${first.message}${code}${more}. ` +
      `This is a bug in Portalis's translator, not in your Python.${keptNote}`;
    if (first.rendered) message += `\n${first.rendered.trimEnd().split('\n').slice(0, 20).join('\n')}`;
  } else {
    const how = out.spawnError ? out.spawnError.message : out.signal ? `killed by ${out.signal}` : `exit code ${out.code}`;
    const excerpt = rustcTextExcerpt(out.stderr);
    message =
      `rustc ${toolchain.version} failed on the generated Rust (${how}). ` +
      `This is a bug in Portalis, not in your Python.${keptNote}${excerpt ? `\n${excerpt}` : ''}`;
  }
  return diagnostic({ code: 'PTL4002', stage: 'build', file, message });
}

const ABORTED = Symbol('aborted');

/** Waits for `p` unless the signal aborts first (`p` itself keeps running: it is shared). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T | typeof ABORTED> {
  if (!signal) return p;
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

function safeName(module: string): string {
  const s = module.replace(/[^A-Za-z0-9_]/g, '_');
  return s === '' ? 'module' : s;
}
