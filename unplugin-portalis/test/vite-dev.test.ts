/**
 * The Vite dev server with the plugin: a `.py` is served as a module that
 * runs, a bad save reaches Vite as an error (HTTP 500 plus the `error`
 * payload the overlay shows, with loc and frame), the server survives, and
 * the next good save recovers.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalisContext } from '../src/index.js';
import PortalisVite from '../src/vite.js';
import { copyFixture, removeDir } from './utils.js';

interface Payload {
  type: string;
  err?: { message: string; id?: string; plugin?: string; pluginCode?: string; frame?: string; loc?: { file?: string; line: number; column: number } };
  updates?: { path: string; acceptedPath: string }[];
}

describe('Vite dev server', () => {
  let dir: string;
  let server: ViteDevServer | undefined;
  let base: string;
  const plugin = PortalisVite();
  const context = (plugin as { api?: { context: PortalisContext } }).api!.context;
  const payloads: Payload[] = [];

  beforeAll(async () => {
    dir = await copyFixture('app');
    const { createServer } = await import('vite');
    server = await createServer({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      clearScreen: false,
      plugins: [plugin],
      server: { host: '127.0.0.1', port: 0, strictPort: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('dev server has no port');
    base = `http://127.0.0.1:${address.port}`;
    // Record what the server pushes to browsers (HMR updates, error overlay payloads).
    const hot = server.environments.client.hot;
    const send = hot.send.bind(hot);
    hot.send = ((...args: Parameters<typeof send>) => {
      const payload = (typeof args[0] === 'string' ? { type: 'custom' } : args[0]) as Payload;
      payloads.push(payload);
      return send(...args);
    }) as typeof hot.send;
  });

  afterAll(async () => {
    await server?.close();
    await removeDir(dir);
  });

  async function waitFor<T>(what: string, probe: () => T | undefined, ms = 60_000): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; payloads: ${JSON.stringify(payloads.map((p) => p.type))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('serves the compiled module, which runs, and rewrites the importer', async () => {
    expect(context.poolOpen).toBe(false); // no worker threads before the first .py
    const main = await fetch(`${base}/main.js`);
    expect(main.status).toBe(200);
    expect(await main.text()).toContain('/fib.py');
    const py = await fetch(`${base}/fib.py?import`);
    expect(py.status).toBe(200);
    const code = await py.text();
    expect(code).toContain('export default');
    // The SSR environment runs the same plugin; executing the module proves the WASM works.
    const mod = await server!.ssrLoadModule('/fib.py');
    expect(mod.fib(20)).toBe(6765);
  });

  it('sends a bad save to the error overlay with location and frame, and survives', async () => {
    const file = join(dir, 'fib.py');
    const good = await readFile(file, 'utf8');
    payloads.length = 0;
    await writeFile(file, good.replace('return fib(n - 1) + fib(n - 2)', 'return fib(n - 1) + * fib(n - 2)'));

    // The importer accepts ./fib.py, so Vite pushes an update, not a full reload.
    const update = await waitFor('an HMR update', () => payloads.find((p) => p.type === 'update' || p.type === 'full-reload'));
    expect(update.type).toBe('update');
    expect(update.updates?.[0]).toMatchObject({ path: '/main.js', acceptedPath: '/fib.py' });

    // The browser then re-imports the module; that request fails and Vite tells the overlay.
    const res = await fetch(`${base}/fib.py?import&t=${Date.now()}`);
    expect(res.status).toBe(500);
    const error = await waitFor('an error payload', () => payloads.find((p) => p.type === 'error'));
    expect(error.err).toMatchObject({
      plugin: 'unplugin-portalis',
      pluginCode: 'PTL1001',
      id: file,
      loc: { file, line: 7, column: 24 },
    });
    expect(error.err?.message).toContain('PTL1001: ');
    expect(error.err?.frame).toContain('> 7 |     return fib(n - 1) + * fib(n - 2)');

    // Still serving.
    expect((await fetch(`${base}/main.js`)).status).toBe(200);

    // A good save recovers: new code is served and runs.
    payloads.length = 0;
    await writeFile(file, `${good}\n\ndef answer() -> int:\n    return 42\n`);
    await waitFor('an HMR update after the fix', () => payloads.find((p) => p.type === 'update'));
    const fixed = await fetch(`${base}/fib.py?import&t=${Date.now()}`);
    expect(fixed.status).toBe(200);
    expect(await fixed.text()).toContain('answer');
    const mod = await server!.ssrLoadModule('/fib.py');
    expect(mod.answer()).toBe(42);
    expect(mod.fib(20)).toBe(6765);
  });

  it('closes the compiler pool when the server closes', async () => {
    expect(context.poolOpen).toBe(true);
    await server!.close();
    server = undefined;
    expect(context.poolOpen).toBe(false);
  });
});
