/**
 * The host of script-mode modules (`portalis run`, docs/abi.md "Script
 * mode"): instantiates the WASM with the `portalis` imports (`write`,
 * `argc`), calls `__portalis_main` and returns the exit status it gives.
 *
 * A trap ends the script like an uncaught exception: exhausting the WASM
 * stack is reported as CPython's `RecursionError` line, anything else as a
 * `PortalisTrap` (a Portalis bug), both with exit status 1. Output the module
 * buffered but had not flushed when it trapped is lost, as when CPython is
 * killed.
 */

export interface ScriptIO {
  /** Text written to stdout / stderr (decoded from UTF-8, split anywhere). */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** `sys.argv`: the script path first, then its arguments. */
  readonly argv: readonly string[];
}

interface ScriptExports {
  readonly memory: WebAssembly.Memory;
  readonly __portalis_main: () => number;
}

/** Runs a script module to completion; resolves to its exit status. */
export async function runScriptWasm(wasm: Uint8Array | WebAssembly.Module, io: ScriptIO): Promise<number> {
  const module = wasm instanceof WebAssembly.Module ? wasm : await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>);
  let memory: WebAssembly.Memory | null = null;
  const decoders = { 1: new TextDecoder('utf-8'), 2: new TextDecoder('utf-8') };
  const imports = {
    portalis: {
      write(fd: number, ptr: number, len: number): void {
        const bytes = new Uint8Array(memory!.buffer, ptr >>> 0, len >>> 0);
        const text = (fd === 2 ? decoders[2] : decoders[1]).decode(bytes, { stream: true });
        if (text) (fd === 2 ? io.stderr : io.stdout)(text);
      },
      argc(): number {
        return io.argv.length;
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
