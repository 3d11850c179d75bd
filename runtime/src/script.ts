/**
 * The host of script-mode modules (`portalis run`, docs/abi.md "Script
 * mode"): instantiates the WASM with the `portalis` imports (`write`,
 * `argc`, `read`, `argv_len`, `argv_get`), calls `__portalis_main` and
 * returns the exit status it gives.
 *
 * A trap ends the script like an uncaught exception: exhausting the WASM
 * stack is reported as CPython's `RecursionError` line, anything else as a
 * `PortalisTrap` (a Portalis bug, or stdin failing to read), both with exit
 * status 1. Output the module buffered but had not flushed when it trapped
 * is lost, as when CPython is killed.
 */

export interface ScriptIO {
  /** Text written to stdout / stderr (decoded from UTF-8, split anywhere). */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** `sys.argv`: the script path as given (python3's `sys.argv[0]`), then its arguments. */
  readonly argv: readonly string[];
  /**
   * What `input()` and `sys.stdin` read: the given text (UTF-8) or bytes, or
   * `'inherit'` for this process's own stdin (file descriptor 0: a pipe, a
   * file or a terminal; Node only). Absent: empty, as a closed pipe.
   */
  readonly stdin?: string | Uint8Array | 'inherit';
}

interface ScriptExports {
  readonly memory: WebAssembly.Memory;
  readonly __portalis_main: () => number;
}

/** Fills `target` with the next bytes of stdin; returns how many, 0 at the end. */
type StdinReader = (target: Uint8Array) => number;

/** Runs a script module to completion; resolves to its exit status. */
export async function runScriptWasm(wasm: Uint8Array | WebAssembly.Module, io: ScriptIO): Promise<number> {
  const module = wasm instanceof WebAssembly.Module ? wasm : await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>);
  let memory: WebAssembly.Memory | null = null;
  const decoders = { 1: new TextDecoder('utf-8'), 2: new TextDecoder('utf-8') };
  const encoder = new TextEncoder();
  const argv = io.argv.map((a) => encoder.encode(a));
  const readStdin = stdinReader(io.stdin);
  const imports = {
    portalis: {
      write(fd: number, ptr: number, len: number): void {
        const bytes = new Uint8Array(memory!.buffer, ptr >>> 0, len >>> 0);
        const text = (fd === 2 ? decoders[2] : decoders[1]).decode(bytes, { stream: true });
        if (text) (fd === 2 ? io.stderr : io.stdout)(text);
      },
      argc(): number {
        return argv.length;
      },
      read(fd: number, ptr: number, cap: number): number {
        if (fd !== 0 || cap <= 0) return 0;
        return readStdin(new Uint8Array(memory!.buffer, ptr >>> 0, cap >>> 0));
      },
      argv_len(i: number): number {
        return argv[i]?.length ?? 0;
      },
      argv_get(i: number, ptr: number): void {
        const bytes = argv[i];
        if (bytes) new Uint8Array(memory!.buffer, ptr >>> 0, bytes.length).set(bytes);
      },
    },
  };
  const instance = await WebAssembly.instantiate(module, imports);
  const exports = instance.exports as unknown as ScriptExports;
  memory = exports.memory;
  try {
    return exports.__portalis_main();
  } catch (error) {
    const overflow = error instanceof RangeError && /call stack/i.test(error.message);
    io.stderr(overflow ? 'RecursionError: maximum recursion depth exceeded\n' : `PortalisTrap: ${(error as Error).message}\n`);
    return 1;
  }
}

function stdinReader(stdin: ScriptIO['stdin']): StdinReader {
  if (stdin === 'inherit') return fdReader(0);
  const bytes = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : (stdin ?? new Uint8Array(0));
  let at = 0;
  return (target) => {
    const n = Math.min(target.length, bytes.length - at);
    target.set(bytes.subarray(at, at + n));
    at += n;
    return n;
  };
}

interface NodeFs {
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: null): number;
}

/**
 * Blocking reads of a file descriptor, as CPython reads stdin. A descriptor
 * left non-blocking by the parent (EAGAIN) is polled, sleeping 1 ms, then
 * up to 20 ms, between tries. `process.getBuiltinModule` keeps `node:fs`
 * out of this module's imports, so browser bundles of the runtime never see it.
 */
function fdReader(fd: number): StdinReader {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (!getBuiltin) throw new Error("stdin: 'inherit' needs Node (process.getBuiltinModule)");
  const fs = getBuiltin('node:fs') as NodeFs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  return (target) => {
    for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
      try {
        return fs.readSync(fd, target, 0, target.length, null);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'EOF') return 0; // Windows: the end of a pipe
        if (code === 'EAGAIN' || code === 'EWOULDBLOCK') Atomics.wait(pause, 0, 0, wait);
        else if (code !== 'EINTR') throw new Error(`reading stdin failed: ${(error as Error).message}`);
      }
    }
  };
}
