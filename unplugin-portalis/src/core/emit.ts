/**
 * Where the WASM of a module goes, per bundler.
 *
 * `targetFor()` picks between inlining the WASM as base64 (works everywhere,
 * including dev servers) and emitting a real `.wasm` asset (Rollup, and Vite
 * app builds, whose `this.emitFile` returns a reference the output can point
 * at). `pointAtAsset()` rewrites the compiler's `new URL('./x.wasm',
 * import.meta.url)` to `new URL(import.meta.ROLLUP_FILE_URL_<ref>,
 * import.meta.url)`; the bundler replaces the reference with the asset's
 * final, hashed location: an absolute URL from Rollup, a base-relative path
 * such as "/assets/x-1a2b.wasm" from Vite, which the outer `new URL` resolves
 * against the module's own URL, as Vite's own `new URL(..., import.meta.url)`
 * assets do.
 *
 * Vite library and SSR builds inline under 'auto': their output is loaded
 * from wherever it is installed, where a base-relative path means nothing.
 */
import type { UnpluginContextMeta } from 'unplugin';
import type { WasmTarget } from './context.js';
import { PLUGIN_NAME, type WasmMode } from './options.js';

export type Framework = UnpluginContextMeta['framework'];

/** What the Vite config says about the build, known from `configResolved`. */
export type ViteBuildKind = 'serve' | 'app' | 'lib-or-ssr';

/** Rejects `wasm: 'asset'` where it can never work, when the plugin is created. */
export function checkWasmMode(mode: WasmMode, framework: Framework): void {
  if (mode === 'asset' && !['rollup', 'rolldown', 'vite'].includes(framework)) {
    throw new Error(`[${PLUGIN_NAME}] \`wasm: 'asset'\` needs Vite or Rollup; with ${framework} use 'inline' or 'auto' (which inlines)`);
  }
}

/** `file` (emit an asset) or `inline` for this bundler; the Vite dev server always inlines. */
export function targetFor(mode: WasmMode, framework: Framework, vite?: ViteBuildKind): WasmTarget {
  if (mode === 'inline') return 'inline';
  if (framework === 'rollup' || framework === 'rolldown') return 'file';
  if (framework !== 'vite' || vite === 'serve' || vite === undefined) return 'inline';
  return vite === 'app' || mode === 'asset' ? 'file' : 'inline';
}

/**
 * Replaces the one `new URL('./<wasmFileName>', import.meta.url)` in `js`
 * with the emitted asset's URL. Returns null when the JS does not hold
 * exactly one such reference (then the caller reports a Portalis bug rather
 * than ship a module pointing at a file that does not exist).
 */
export function pointAtAsset(js: string, wasmFileName: string, referenceId: string): string | null {
  const name = wasmFileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`new URL\\(\\s*(['"\`])\\./${name}\\1\\s*,\\s*import\\.meta\\.url\\s*\\)`, 'g');
  const matches = js.match(pattern);
  if (!matches || matches.length !== 1) return null;
  return js.replace(pattern, `new URL(import.meta.ROLLUP_FILE_URL_${referenceId}, import.meta.url)`);
}
