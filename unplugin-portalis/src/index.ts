/**
 * unplugin-portalis: `import { fib } from './fib.py'` in Vite, Rollup,
 * webpack, esbuild and Rspack.
 *
 * The factory wires bundler hooks to a `PortalisContext` (core/context.ts):
 * `load` compiles each `.py` (filtered at the hook, see core/filter.ts) on the
 * context's worker pool and returns the generated ES module; diagnostics go
 * to the bundler's own `this.error`/`this.warn` (core/diagnostics.ts); the
 * WASM is inlined or emitted as an asset (core/emit.ts); the pool is closed on
 * buildEnd/closeBundle. Vite dev also gets HMR: a save starts the new compile
 * at once (aborting the running one) and Vite updates the importers.
 */
import { readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '@portalis/actors';
import { createUnplugin, type UnpluginFactory } from 'unplugin';
import { PortalisContext, type CompileOutcome } from './core/context.js';
import { channelOf, errorMessage, failedModule, warningMessage } from './core/diagnostics.js';
import { checkWasmMode, pointAtAsset, targetFor, type ViteBuildKind } from './core/emit.js';
import { fileOf, idFilter, PY_INCLUDE } from './core/filter.js';
import { PLUGIN_NAME, resolveOptions, type Options } from './core/options.js';

export type { Options, ResolvedOptions, WasmMode } from './core/options.js';
export { PortalisContext, type CompileOutcome } from './core/context.js';
export { resolveOptions } from './core/options.js';
export { PY_EXCLUDE, PY_INCLUDE } from './core/filter.js';

export const unpluginFactory: UnpluginFactory<Options | undefined> = (rawOptions, meta) => {
  const options = resolveOptions(rawOptions);
  checkWasmMode(options.wasm, meta.framework);
  const ctx = new PortalisContext(options);
  const channel = channelOf(meta.framework);
  let vite: ViteBuildKind | undefined;

  return {
    name: PLUGIN_NAME,
    enforce: 'pre',

    load: {
      filter: { id: idFilter(options) },
      async handler(id) {
        const file = fileOf(id);
        const target = targetFor(options.wasm, meta.framework, vite);
        const read = await readSource(file);
        const outcome: CompileOutcome =
          'diagnostic' in read
            ? { ok: false, file, source: '', diagnostics: [read.diagnostic], cancelled: false }
            : await ctx.compile(file, read.source, target);

        for (const d of outcome.diagnostics) {
          if (d.severity !== 'error' && outcome.ok) this.warn(warningMessage(d, outcome.source, file, channel));
        }
        if (!outcome.ok) {
          this.error(errorMessage(outcome.diagnostics, outcome.source, file, channel));
          // Rollup and Vite threw above; webpack, Rspack and esbuild collect the error and need a module.
          return failedModule(outcome.diagnostics, file);
        }
        if (target === 'file' && outcome.wasmFileName) {
          // Rollup-family context: emitFile returns the reference id (unplugin's type says void).
          const emit = this.emitFile as unknown as (asset: { type: 'asset'; name: string; source: Uint8Array }) => string;
          const ref = emit({ type: 'asset', name: outcome.wasmFileName, source: outcome.wasm });
          const code = pointAtAsset(outcome.js, outcome.wasmFileName, ref);
          if (code === null) {
            const d = diagnostic({
              code: 'PTL9001',
              file,
              stage: 'package',
              message: `the generated module does not reference ./${outcome.wasmFileName} exactly once`,
            });
            this.error(errorMessage([d], outcome.source, file, channel));
            return failedModule([d], file);
          }
          return { code, map: null };
        }
        return { code: outcome.js, map: null };
      },
    },

    async buildEnd() {
      await ctx.close();
    },

    vite: {
      /** For tools and tests: the plugin's context (`api.context.poolOpen`, ...). */
      api: { context: ctx },
      configResolved(config) {
        vite = config.command === 'serve' ? 'serve' : config.build.lib || config.build.ssr ? 'lib-or-ssr' : 'app';
      },
      async closeBundle() {
        await ctx.close();
      },
      // Vite 6+ per-environment HMR hook. A save of a compiled `.py` starts its
      // compile now; a compile still running for the previous save is aborted
      // and its waiters get this one. Vite then updates the importers (an
      // importer that accepts the `.py` updates in place; otherwise the page reloads).
      async hotUpdate({ file, type, read }) {
        if (type !== 'update' || !ctx.files.has(file)) return;
        const source = await read();
        void ctx.compile(file, source, targetFor(options.wasm, meta.framework, vite));
      },
    },

    rollup: {
      async closeBundle() {
        await ctx.close();
      },
    },

    // buildEnd runs at processAssets; `done` also covers a compilation that
    // stopped before sealing, so no worker thread outlives the build.
    webpack(compiler) {
      compiler.hooks.done.tapPromise(PLUGIN_NAME, () => ctx.close());
    },
    rspack(compiler) {
      compiler.hooks.done.tapPromise(PLUGIN_NAME, () => ctx.close());
    },

    esbuild: {
      // esbuild filters by one RegExp in Go; send it only `.py` unless the user widened `include`.
      onLoadFilter: options.include === PY_INCLUDE ? /\.py$/ : /.*/,
      loader: 'js',
    },
  };
};

/**
 * Reads a `.py` as strict UTF-8 (the compiler refuses other encodings with
 * PTL1002, and a lenient decode would hide that).
 */
async function readSource(file: string): Promise<{ source: string } | { diagnostic: Diagnostic }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { diagnostic: diagnostic({ code: 'PTL1003', file, stage: 'ingest', message: `cannot read ${file}: ${(error as Error).message}` }) };
  }
  try {
    return { source: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { diagnostic: diagnostic({ code: 'PTL1002', file, stage: 'ingest' }) };
  }
}

export const unplugin = /* #__PURE__ */ createUnplugin(unpluginFactory);

export default unplugin;
