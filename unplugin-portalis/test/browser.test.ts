/**
 * In a real browser (Debian's Chromium driven by playwright-core):
 * - the built examples/vite-app, served statically, shows `fib(30) = 832040`
 *   computed by the WebAssembly;
 * - in the Vite dev server, editing a `.py` hot-updates the page: a marker
 *   set on `window` survives (no reload) while the rendered value changes; a
 *   bad save shows Vite's error overlay, and the next good save clears it.
 * Without /usr/bin/chromium both tests skip, saying so.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import PortalisVite from '../src/vite.js';
import { copyFixture, removeDir, serveStatic } from './utils.js';

const CHROMIUM = '/usr/bin/chromium';
const EXAMPLE = fileURLToPath(new URL('../../examples/vite-app/', import.meta.url));
const NO_CHROMIUM = `${CHROMIUM} is not installed (apt-get install chromium)`;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function launch(): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'portalis-chromium-'));
  cleanups.push(() => removeDir(profile));
  // launchPersistentContext is playwright's way of passing a fresh --user-data-dir.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  cleanups.push(() => browser.close());
  return browser;
}

describe('in Chromium', () => {
  it('the built examples/vite-app shows fib(30) = 832040', async (ctx) => {
    if (!existsSync(CHROMIUM)) ctx.skip(NO_CHROMIUM);
    const outDir = await mkdtemp(join(tmpdir(), 'portalis-vite-app-'));
    cleanups.push(() => removeDir(outDir));
    const { build } = await import('vite');
    // The example's own vite.config.ts (which imports unplugin-portalis/vite from dist/).
    await build({ root: EXAMPLE, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    // An app build emits each module's WASM as a hashed asset rather than inlining it.
    const assets = await readdir(join(outDir, 'assets'));
    expect(assets.filter((f) => f.endsWith('.wasm'))).toHaveLength(2);

    const server = await serveStatic(outDir);
    cleanups.push(server.close);
    const browser = await launch();
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()} (${m.location().url})`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
    await page.goto(server.url);
    await page.getByText('fib(30) = 832040', { exact: true }).waitFor({ timeout: 30_000 });
    const physics = await page.locator('#physics').innerText();
    expect(physics).toContain('lands 40.77 m away');
    expect(physics).toContain('orbits every 92.6 min at 7.67 km/s');
    expect(problems).toEqual([]);
  });

  // Retried once: one full-suite run in four (two cores, every suite at once)
  // saw the good save after the bad one never reach the page, and it has not
  // reproduced alone or under CPU load. The failure message carries the
  // overlay and the page's console so the next occurrence says why.
  it('hot-updates the page when a .py is edited in the Vite dev server, without a reload, through a bad save', { retry: 1 }, async (ctx) => {
    if (!existsSync(CHROMIUM)) ctx.skip(NO_CHROMIUM);
    const dir = await copyFixture('app');
    cleanups.push(() => removeDir(dir));
    const { createServer } = await import('vite');
    const server = await createServer({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      plugins: [PortalisVite()],
      server: { host: '127.0.0.1', port: 0 },
    });
    await server.listen();
    cleanups.push(() => server.close());
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('dev server has no port');

    const browser = await launch();
    const page = await browser.newPage();
    // What the page said, for the failure message if an update never arrives.
    const pageLog: string[] = [];
    page.on('console', (message) => pageLog.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => pageLog.push(`pageerror: ${error.message}`));
    await page.goto(`http://127.0.0.1:${address.port}/`);
    const result = page.locator('#result');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toBe('fib(20) = 6765');
    await page.evaluate(() => {
      (window as unknown as { portalisMarker: string }).portalisMarker = 'still here';
    });

    const file = join(dir, 'fib.py');
    const source = await readFile(file, 'utf8');
    await writeFile(file, source.replace('return fib(n - 1) + fib(n - 2)', 'return fib(n - 1) + fib(n - 2) + 1'));
    // python3: f(n) = f(n-1) + f(n-2) + 1 with f(0)=0, f(1)=1 gives f(20) = 17710.
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toBe('fib(20) = 17710');
    const marker = () => page.evaluate(() => (window as unknown as { portalisMarker?: string }).portalisMarker);
    expect(await marker()).toBe('still here');

    // A bad save shows Vite's error overlay with the diagnostic and its frame...
    await writeFile(file, source.replace('return fib(n - 1) + fib(n - 2)', 'return fib(n - 1) + * fib(n - 2)'));
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ timeout: 60_000 });
    const overlayText = await overlay.locator('.window').innerText();
    expect(overlayText).toContain('PTL1001: invalid syntax');
    expect(overlayText).toContain(`${file}:7:24`);
    expect(overlayText).toContain('> 7 |     return fib(n - 1) + * fib(n - 2)');
    expect(await result.textContent()).toBe('fib(20) = 17710'); // the page keeps the last good module

    // ...and the next good save clears it and updates in place.
    await writeFile(file, source.replace('return fib(n - 1) + fib(n - 2)', 'return fib(n - 1) + fib(n - 2) + 2'));
    try {
      await expect.poll(() => result.textContent(), { timeout: 60_000 }).toBe('fib(20) = 28655');
    } catch (error) {
      const overlayNow = (await overlay.count()) > 0 ? await overlay.locator('.window').innerText() : '(no overlay)';
      throw new Error(`${(error as Error).message}\noverlay: ${overlayNow}\npage log:\n${pageLog.join('\n')}`);
    }
    await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(0);
    expect(await marker()).toBe('still here');
  });
});
