/**
 * The generated modules and the runtime in a real browser: headless Chromium
 * (playwright-core) loads them from a local HTTP server, with the runtime
 * served from runtime/dist, the way a bundler-less page would. Covers file
 * mode (`new URL('./fib.wasm', import.meta.url)` fetched and stream-compiled),
 * inline bigint mode, Python exceptions, traps, stack exhaustion and memory
 * growth under Chromium's engine. Skipped, with the reason, when no Chromium
 * is available (PORTALIS_CHROMIUM or /usr/bin/chromium).
 */

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRustFixture, rustcMissing } from '../../../runtime/src/__fixtures__/compile-rust.js';
import { FIB_SPEC, MATHY_SPEC } from './__fixtures__/fib-spec.js';
import { packageModule } from './package.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CHROMIUM = process.env.PORTALIS_CHROMIUM ?? '/usr/bin/chromium';
const skipReason = rustcMissing ?? (existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (set PORTALIS_CHROMIUM)`);

/**
 * Runs `script` (an async IIFE, as source text) in the page. Source text
 * rather than a function, so vitest's transform does not rewrite its
 * `import()` calls into helpers the page lacks.
 */
let inPage: (script: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

describe.skipIf(skipReason)('generated modules in Chromium', () => {
  const files = new Map<string, Uint8Array | string>();
  let server: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    await promisify(execFile)(process.execPath, [tsc, '-b', join(REPO, 'runtime')], { cwd: REPO });
    const fibWasm = await compileRustFixture(fileURLToPath(new URL('./__fixtures__/fib.rs', import.meta.url)));
    const abiWasm = await compileRustFixture(join(REPO, 'runtime/src/__fixtures__/abi_fixture.rs'));

    const file = await packageModule({ spec: FIB_SPEC, wasm: fibWasm, options: { wasm: 'file', runtimeImport: '/runtime/index.js' } });
    files.set('/file/fib.js', file.js);
    files.set(`/file/${file.wasmFileName}`, fibWasm);
    const inline = await packageModule({ spec: MATHY_SPEC, wasm: fibWasm, options: { intMode: 'bigint', runtimeImport: '/runtime/index.js' } });
    files.set('/inline/mathy.js', inline.js);
    files.set('/abi.wasm', abiWasm);
    files.set('/', '<!doctype html><title>portalis</title>');

    server = createServer((request, response) => {
      const path = request.url ?? '/';
      void (async () => {
        let body = files.get(path);
        if (body === undefined && path.startsWith('/runtime/')) {
          const name = normalize(path.slice('/runtime/'.length));
          if (!name.startsWith('..')) body = await readFile(join(REPO, 'runtime/dist', name)).catch(() => undefined);
        }
        if (body === undefined) return response.writeHead(404).end();
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html' }).end(body);
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.goto(`${origin}/`);
    inPage = (script) => page.evaluate(script);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('runs a file-mode module: values, Python exceptions, argument errors, traps', async () => {
    const results = await inPage(`(async () => {
      const m = await import('/file/fib.js');
      const rt = await import('/runtime/index.js');
      const caught = (fn) => {
        try {
          fn();
          return null;
        } catch (error) {
          return error;
        }
      };
      const zde = caught(() => m.divide(1, 0));
      const typeError = caught(() => m.fib(1.5));
      const trap = caught(() => m.crash());
      return {
        fib30: m.default(30),
        both: m.both(true, true),
        del: m.delete(10, 4),
        zde: [zde instanceof rt.ZeroDivisionError, zde instanceof rt.ArithmeticError, zde.pythonType, zde.pythonMessage, String(zde)],
        typeError: [typeError instanceof TypeError, typeError.message],
        trap: [trap instanceof rt.PortalisTrap, trap.message],
        afterTrap: m.fib(12),
      };
    })()`);
    expect(results).toEqual({
      fib30: 832040,
      both: true,
      del: 6,
      zde: [true, true, 'ZeroDivisionError', 'division by zero', 'ZeroDivisionError: division by zero'],
      typeError: [true, "fib() argument 'n' must be int, got 1.5"],
      trap: [true, 'crash() trapped: unreachable (a Portalis bug; the module was re-instantiated)'],
      afterTrap: 144,
    });
  });

  it('runs an inline bigint-mode module', async () => {
    const results = await inPage(`(async () => {
      const m = await import('/inline/mathy.js');
      let overflow = '';
      try {
        m.fib(93n);
      } catch (error) {
        overflow = String(error);
      }
      return { fib90: String(m.fib(90n)), ns: Object.keys(m.default), frozen: Object.isFrozen(m.default), overflow };
    })()`);
    expect(results).toEqual({
      fib90: '2880067194370816120',
      ns: ['fib', 'divide', 'scale', 'both', 'check', 'delete', 'crash', 'square'],
      frozen: true,
      overflow: 'OverflowError: int too large to convert to 64-bit',
    });
  });

  it("maps Chromium's stack exhaustion to RecursionError and survives memory growth", async () => {
    const results = await inPage(`(async () => {
      const rt = await import('/runtime/index.js');
      // A relative string resolves against the page.
      const wasm = await rt.instantiate('abi.wasm');
      const call = (name, ...args) => {
        let result;
        try {
          result = wasm.exports[name](...args);
        } catch (error) {
          throw wasm.trapped(error, name);
        }
        if (wasm.state[wasm.stateIndex] !== 0) wasm.takeState(name);
        return result;
      };
      let recursion;
      try {
        call('recurse', 1e7);
      } catch (error) {
        recursion = error;
      }
      const grown = call('grow', 3);
      const grownBytes = grown * 65536 === wasm.exports.memory.buffer.byteLength;
      let afterGrowth = '';
      try {
        call('grow_then_raise', 1);
      } catch (error) {
        afterGrowth = String(error);
      }
      return {
        recursion: [recursion instanceof rt.RecursionError, String(recursion)],
        recurseAfter: call('recurse', 10),
        grownBytes,
        afterGrowth,
        resets: wasm.resets,
      };
    })()`);
    expect(results).toEqual({
      recursion: [true, 'RecursionError: maximum recursion depth exceeded'],
      recurseAfter: 2217,
      grownBytes: true,
      afterGrowth: 'ZeroDivisionError: after growth',
      resets: 1,
    });
  });
});
