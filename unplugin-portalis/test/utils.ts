/**
 * Shared helpers for the bundler tests: copy a fixture to a fresh temporary
 * folder (builds write `.py.d.ts` files and outputs there, never into the
 * repository), build it with one real bundler and the plugin from source,
 * and normalise each bundler's error into one shape the tests assert on.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Options } from '../src/index.js';
import PortalisEsbuild from '../src/esbuild.js';
import PortalisRollup from '../src/rollup.js';
import PortalisRspack from '../src/rspack.js';
import PortalisVite from '../src/vite.js';
import PortalisWebpack from '../src/webpack.js';

const execFileAsync = promisify(execFile);

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Copies `fixtures/<name>` into a new temporary folder and returns its path. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `portalis-${name}-`));
  await cp(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

export type BundlerName = 'vite' | 'rollup' | 'webpack' | 'esbuild' | 'rspack';
export const BUNDLERS: BundlerName[] = ['vite', 'rollup', 'webpack', 'esbuild', 'rspack'];

/** Builds `<dir>/entry.js` as one ES module for Node; returns the output file. */
export async function bundle(bundler: BundlerName, dir: string, options: Options = {}): Promise<string> {
  const entry = join(dir, 'entry.js');
  const outDir = join(dir, `dist-${bundler}`);
  switch (bundler) {
    case 'vite': {
      const { build } = await import('vite');
      await build({
        configFile: false,
        root: dir,
        logLevel: 'silent',
        plugins: [PortalisVite(options)],
        build: {
          outDir,
          emptyOutDir: true,
          minify: false,
          lib: { entry, formats: ['es'], fileName: () => 'out.mjs' },
        },
      });
      return join(outDir, 'out.mjs');
    }
    case 'rollup': {
      const { rollup } = await import('rollup');
      const result = await rollup({ input: entry, plugins: [PortalisRollup(options)], onwarn: () => {} });
      try {
        await result.write({ dir: outDir, format: 'es', entryFileNames: 'out.mjs' });
      } finally {
        await result.close();
      }
      return join(outDir, 'out.mjs');
    }
    case 'esbuild': {
      const { build } = await import('esbuild');
      const outfile = join(outDir, 'out.mjs');
      await build({
        entryPoints: [entry],
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        outfile,
        logLevel: 'silent',
        plugins: [PortalisEsbuild(options)],
      });
      return outfile;
    }
    case 'webpack':
    case 'rspack': {
      const config = {
        mode: 'none' as const,
        context: dir,
        entry,
        target: 'node20',
        experiments: { outputModule: true },
        output: { path: outDir, filename: 'out.mjs', module: true, library: { type: 'module' as const } },
        optimization: { minimize: false },
        infrastructureLogging: { level: 'none' as const },
        plugins: [bundler === 'webpack' ? PortalisWebpack(options) : PortalisRspack(options)],
      };
      const run = bundler === 'webpack' ? (await import('webpack')).default : (await import('@rspack/core')).rspack;
      await new Promise<void>((resolve, reject) => {
        const compiler = (run as unknown as (c: unknown) => WebpackLikeCompiler)(config);
        compiler.run((error, stats) => {
          compiler.close(() => {
            if (error) reject(error);
            else if (stats?.hasErrors()) reject(new WebpackLikeErrors(stats.compilation.errors));
            else resolve();
          });
        });
      });
      return join(outDir, 'out.mjs');
    }
  }
}

interface WebpackLikeCompiler {
  run(cb: (error: Error | null, stats?: { hasErrors(): boolean; compilation: { errors: Error[] } }) => void): void;
  close(cb: () => void): void;
}

/** webpack and Rspack report module errors in stats, not by throwing; this carries them out. */
class WebpackLikeErrors extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

/** One shape for "the build failed because of this diagnostic", whatever the bundler. */
export interface BuildErrorInfo {
  /** Everything the bundler prints about the error. */
  text: string;
  /** Structured location, where the bundler keeps one (1-based line, column as the bundler keeps it). */
  loc?: { file?: string | undefined; line: number; column: number } | undefined;
  /** The diagnostic code, where the bundler keeps it apart from the text. */
  code?: string | undefined;
  frame?: string | undefined;
}

export async function captureBuildError(bundler: BundlerName, run: () => Promise<unknown>): Promise<BuildErrorInfo> {
  try {
    await run();
  } catch (error) {
    return describeBuildError(bundler, error);
  }
  throw new Error(`${bundler}: the build succeeded but was expected to fail`);
}

function describeBuildError(bundler: BundlerName, error: unknown): BuildErrorInfo {
  const e = error as Record<string, any>;
  if (bundler === 'esbuild') {
    const first = e.errors?.[0];
    return {
      text: [e.message, ...(e.errors ?? []).map((m: { text: string }) => m.text)].join('\n'),
      loc: first?.location ? { file: first.location.file, line: first.location.line, column: first.location.column } : undefined,
    };
  }
  if (bundler === 'webpack' || bundler === 'rspack') return { text: String(e.message) };
  // Rollup and Vite: a RollupError, or (Vite 8 / Rolldown) an aggregate whose `errors` hold them.
  const inner = (Array.isArray(e.errors) && e.errors[0]) || e;
  return {
    text: [e.message, inner.message, inner.frame].filter(Boolean).join('\n'),
    loc: inner.loc,
    code: inner.pluginCode ?? inner.code,
    frame: inner.frame,
  };
}

/**
 * Imports a built ES module in a fresh `node` process and returns what
 * `body` (an async function body that sees the module as `m`) returns, as
 * JSON. A child process, because vitest routes `import()` in tests through
 * Vite's module runner, and a bundle must be loaded the way users load it.
 */
export async function runInNode<T = unknown>(file: string, body: string): Promise<T> {
  const script = `import * as m from ${JSON.stringify(pathToFileURL(file).href)};\nconst out = await (async () => {\n${body}\n})();\nprocess.stdout.write(JSON.stringify(out));\n`;
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], { timeout: 60_000 });
  return JSON.parse(stdout) as T;
}

/** `body` for `runInNode` that calls `call` and returns the error's name and message (or `null` if nothing was thrown). */
export function thrownBy(call: string): string {
  return `(() => { try { ${call}; return null; } catch (e) { return { name: e.name, message: e.message }; } })()`;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** A tiny static file server for a built app on a free loopback port. */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
