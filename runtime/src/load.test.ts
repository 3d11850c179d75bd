/**
 * Loading WASM from each kind of source: bytes, file: URLs (Node reads them
 * through a dynamic import of node:fs), data: and http: URLs through fetch
 * (streaming compilation when the server sends application/wasm), Response
 * objects and promises of them.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadWasmModule } from './load.js';

// (module (memory (export "memory") 1))
const BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01,
  0x07, 0x0a, 0x01, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00,
]);

function exportNames(module: WebAssembly.Module): string[] {
  return WebAssembly.Module.exports(module).map((e) => e.name);
}

let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portalis-load-'));
  await writeFile(join(dir, 'm.wasm'), BYTES);
  server = createServer((request, response) => {
    if (request.url === '/wasm') response.writeHead(200, { 'content-type': 'application/wasm' }).end(BYTES);
    else if (request.url === '/octet') response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(BYTES);
    else response.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadWasmModule', () => {
  it('compiles bytes, ArrayBuffers and returns a compiled module as is', async () => {
    expect(exportNames(await loadWasmModule(BYTES))).toEqual(['memory']);
    expect(exportNames(await loadWasmModule(BYTES.slice().buffer))).toEqual(['memory']);
    const module = new WebAssembly.Module(BYTES);
    expect(await loadWasmModule(module)).toBe(module);
  });

  it('reads file: URLs, as URL or string', async () => {
    const url = pathToFileURL(join(dir, 'm.wasm'));
    expect(exportNames(await loadWasmModule(url))).toEqual(['memory']);
    expect(exportNames(await loadWasmModule(url.href))).toEqual(['memory']);
    await expect(loadWasmModule(new URL('missing.wasm', url))).rejects.toThrow(/ENOENT/);
  });

  it('fetches data: URLs', async () => {
    const url = `data:application/wasm;base64,${Buffer.from(BYTES).toString('base64')}`;
    expect(exportNames(await loadWasmModule(url))).toEqual(['memory']);
  });

  it('streams http responses served as application/wasm', async () => {
    const streaming = vi.spyOn(WebAssembly, 'compileStreaming');
    expect(exportNames(await loadWasmModule(`${origin}/wasm`))).toEqual(['memory']);
    expect(streaming).toHaveBeenCalledTimes(1);
  });

  it('falls back to arrayBuffer for other content types', async () => {
    const streaming = vi.spyOn(WebAssembly, 'compileStreaming');
    expect(exportNames(await loadWasmModule(new URL(`${origin}/octet`)))).toEqual(['memory']);
    expect(streaming).not.toHaveBeenCalled();
  });

  it('accepts a Response and a promise of one', async () => {
    expect(exportNames(await loadWasmModule(await fetch(`${origin}/wasm`)))).toEqual(['memory']);
    expect(exportNames(await loadWasmModule(fetch(`${origin}/octet`)))).toEqual(['memory']);
    expect(exportNames(await loadWasmModule(new Response(BYTES)))).toEqual(['memory']);
  });

  it('rejects HTTP errors with the status', async () => {
    await expect(loadWasmModule(`${origin}/nothing.wasm`)).rejects.toThrow(`cannot load WASM from ${origin}/nothing.wasm: HTTP 404 Not Found`);
  });

  it('rejects a relative path where there is no document to resolve it against', async () => {
    await expect(loadWasmModule('./m.wasm')).rejects.toThrow(TypeError);
  });

  it('surfaces compile errors for bytes that are not WASM', async () => {
    await expect(loadWasmModule(new Uint8Array([1, 2, 3, 4]))).rejects.toBeInstanceOf(WebAssembly.CompileError);
  });
});
