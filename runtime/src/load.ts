/**
 * Compiling a WebAssembly module from wherever its bytes are.
 *
 * `loadWasmModule` accepts what a generated module or a user may hold:
 * bytes (inline mode, after `decodeBase64`), a URL or URL string (file mode:
 * `new URL('./fib.wasm', import.meta.url)`), a `Response` or a promise of one,
 * or an already compiled `WebAssembly.Module`.
 *
 * Browser-safe: nothing Node-specific is imported at top level. `file:` URLs
 * (Node, Deno, Bun) are read with a dynamic `import('node:fs/promises')` whose
 * specifier is hidden from bundlers; every other URL goes through `fetch`,
 * streaming-compiled when the server sends `application/wasm`.
 */

export type WasmSource =
  | URL
  | string
  | BufferSource
  | ArrayBufferView
  | Response
  | PromiseLike<Response>
  | WebAssembly.Module;

/** Compiles `source` to a `WebAssembly.Module`. Rejects with the loader's or the compiler's error. */
export async function loadWasmModule(source: WasmSource): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source as BufferSource);
  if (typeof source === 'string' || source instanceof URL) return compileUrl(toUrl(source));
  if (isResponse(source)) return compileResponse(source);
  if (isPromiseLike(source)) return compileResponse(await source);
  // SharedArrayBuffer and other BufferSources that are neither of the above.
  return WebAssembly.compile(source as BufferSource);
}

function toUrl(source: string | URL): URL {
  if (source instanceof URL) return source;
  // Relative strings resolve against the page in a browser; Node has no base.
  const base = typeof document !== 'undefined' && document.baseURI ? document.baseURI : undefined;
  try {
    return new URL(source, base);
  } catch {
    throw new TypeError(`cannot load WASM from ${JSON.stringify(source)}: not an absolute URL (pass a URL, e.g. new URL('./m.wasm', import.meta.url))`);
  }
}

async function compileUrl(url: URL): Promise<WebAssembly.Module> {
  if (url.protocol === 'file:') return WebAssembly.compile(await readFileUrl(url));
  return compileResponse(await fetch(url));
}

// Kept in a variable so bundlers building for the browser neither resolve nor
// warn about it; only reached for file: URLs.
const NODE_FS = 'node:fs/promises';

async function readFileUrl(url: URL): Promise<Uint8Array<ArrayBuffer>> {
  let fs: { readFile(path: URL): Promise<Uint8Array<ArrayBuffer>> };
  try {
    fs = await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS);
  } catch (cause) {
    throw new Error(`cannot read ${url.href}: file: URLs need a runtime with node:fs (Node, Deno, Bun)`, { cause });
  }
  return fs.readFile(url);
}

async function compileResponse(response: Response): Promise<WebAssembly.Module> {
  if (!response.ok) {
    throw new Error(`cannot load WASM from ${response.url || 'response'}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  const type = response.headers.get('content-type') ?? '';
  if (typeof WebAssembly.compileStreaming === 'function' && /^application\/wasm\s*(;|$)/i.test(type)) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

function isResponse(value: unknown): value is Response {
  return typeof Response !== 'undefined' && value instanceof Response;
}

function isPromiseLike(value: unknown): value is PromiseLike<Response> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
