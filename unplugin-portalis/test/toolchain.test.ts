/**
 * A broken Rust toolchain is a build error with its code and hint, never a
 * crash: Rollup fails the build with PTL4005, and the Vite dev server answers
 * the request with the error (for the overlay) and keeps serving.
 * PORTALIS_RUSTC is read by the compiler's worker threads, which copy the
 * environment when the pool starts; each build here starts a fresh pool.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PortalisVite from '../src/vite.js';
import { bundle, captureBuildError, copyFixture, removeDir } from './utils.js';

describe('with PORTALIS_RUSTC pointing at nothing', () => {
  const previous = process.env.PORTALIS_RUSTC;
  let dir: string;
  beforeAll(async () => {
    process.env.PORTALIS_RUSTC = '/nonexistent/rustc';
    dir = await copyFixture('math');
    // A source no earlier run has cached, so the build has to find rustc.
    await writeFile(join(dir, 'fib.py'), `def fib(n: int) -> int:\n    return n + ${Date.now()}\n\n\ndef div(a: int, b: int) -> int:\n    return a // b\n`);
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.PORTALIS_RUSTC;
    else process.env.PORTALIS_RUSTC = previous;
    await removeDir(dir);
  });

  it('fails a Rollup build with PTL4005 and its hint', async () => {
    const info = await captureBuildError('rollup', () => bundle('rollup', dir, { dts: false }));
    expect(info.code).toBe('PTL4005');
    expect(info.text).toContain('PTL4005: ');
    expect(info.text).toContain('/nonexistent/rustc');
    expect(info.text).toContain('hint: PORTALIS_RUSTC must name a rustc binary');
  });

  it('answers a Vite dev request with the error and keeps serving', async () => {
    const { createServer } = await import('vite');
    const server = await createServer({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      plugins: [PortalisVite({ dts: false })],
      server: { host: '127.0.0.1', port: 0 },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    try {
      await server.listen();
      const address = server.httpServer?.address();
      if (!address || typeof address === 'string') throw new Error('dev server has no port');
      const base = `http://127.0.0.1:${address.port}`;
      const res = await fetch(`${base}/fib.py?import`);
      expect(res.status).toBe(500);
      expect(await res.text()).toContain('PTL4005');
      expect((await fetch(`${base}/entry.js`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
