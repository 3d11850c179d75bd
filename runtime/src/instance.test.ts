/**
 * The state-word protocol, error records, wide results, traps and memory
 * growth, against a hand-written module that follows docs/abi.md
 * (__fixtures__/abi_fixture.rs). `call` below is exactly the per-call code
 * the package stage generates.
 */

import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileRustFixture, rustcMissing } from './__fixtures__/compile-rust.js';
import {
  ArithmeticError,
  Exception,
  KeyError,
  OverflowError,
  PortalisTrap,
  PythonError,
  PythonTypeError,
  RecursionError,
  RuntimeError,
  ValueError,
  ZeroDivisionError,
} from './errors.js';
import { ABI_VERSION, instantiate, PortalisInstance } from './instance.js';

const FIXTURE = fileURLToPath(new URL('./__fixtures__/abi_fixture.rs', import.meta.url));

/** The generated fast path, written out by hand. */
function call(wasm: PortalisInstance, name: string, ...args: unknown[]): unknown {
  let result: unknown;
  try {
    result = wasm.exports[name](...args);
  } catch (error) {
    throw wasm.trapped(error, name);
  }
  if (wasm.state[wasm.stateIndex] !== 0) wasm.takeState(name);
  return result;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}

describe.skipIf(rustcMissing)('PortalisInstance against an ABI fixture', () => {
  let bytes: Uint8Array<ArrayBuffer>;
  let wasm: PortalisInstance;

  beforeAll(async () => {
    bytes = (await compileRustFixture(FIXTURE)) as Uint8Array<ArrayBuffer>;
  });

  beforeEach(async () => {
    // The fixture is a version-1 module (scalars only, no wire buffers).
    wasm = await instantiate(bytes, { abiVersion: 1 });
  });

  it('returns values on the fast path with the state word at 0', () => {
    expect(call(wasm, 'floordiv_f', 7, 2)).toBe(3);
    expect(call(wasm, 'floordiv_f', -7, 2)).toBe(-4);
    expect(call(wasm, 'norm', 3, 4)).toBe(5);
    expect(wasm.state[wasm.stateIndex]).toBe(0);
  });

  it('raises a Python exception as an instance of its class, with type and message', () => {
    const error = thrown(() => call(wasm, 'floordiv_f', 1, 0)) as ZeroDivisionError;
    expect(error).toBeInstanceOf(ZeroDivisionError);
    expect(error).toBeInstanceOf(ArithmeticError);
    expect(error).toBeInstanceOf(Exception);
    expect(error).toBeInstanceOf(PythonError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(OverflowError);
    expect(error.pythonType).toBe('ZeroDivisionError');
    expect(error.pythonMessage).toBe('integer division or modulo by zero');
    expect(error.name).toBe('ZeroDivisionError');
    expect(error.message).toBe('integer division or modulo by zero');
    expect(String(error)).toBe('ZeroDivisionError: integer division or modulo by zero');
  });

  it('clears the pending exception so the next call succeeds', () => {
    expect(() => call(wasm, 'floordiv_f', 1, 0)).toThrow(ZeroDivisionError);
    expect(wasm.state[wasm.stateIndex]).toBe(0);
    expect(call(wasm, 'floordiv_f', 9, 3)).toBe(3);
  });

  it('raises from the wide export too (bigint mode)', () => {
    const error = thrown(() => call(wasm, 'floordiv_f__wide', -(2n ** 63n), -1n)) as OverflowError;
    expect(error).toBeInstanceOf(OverflowError);
    expect(error.pythonMessage).toBe('integer overflow');
    expect(call(wasm, 'floordiv_f__wide', -7n, 2n)).toBe(-4n);
  });

  it('keeps an unknown exception type as a PythonError named after it', () => {
    const error = thrown(() => call(wasm, 'raise_custom', 1)) as PythonError;
    expect(error.constructor).toBe(PythonError);
    expect(error.name).toBe('SomethingElseError');
    expect(error.pythonType).toBe('SomethingElseError');
    expect(error.pythonMessage).toBe('custom');
  });

  it('handles an empty message, and Python TypeError is not the JS TypeError', () => {
    const keyError = thrown(() => call(wasm, 'raise_custom', 0)) as KeyError;
    expect(keyError).toBeInstanceOf(KeyError);
    expect(keyError.pythonMessage).toBe('');
    const typeError = thrown(() => call(wasm, 'raise_custom', 3)) as PythonTypeError;
    expect(typeError).toBeInstanceOf(PythonTypeError);
    expect(typeError).not.toBeInstanceOf(TypeError);
    expect(typeError.name).toBe('TypeError');
    expect(typeError.pythonMessage).toBe('unsupported operand type(s)');
  });

  it('decodes a multi-line UTF-8 message and returns undefined for None', () => {
    expect(call(wasm, 'check_positive_f', 1)).toBeUndefined();
    const error = thrown(() => call(wasm, 'check_positive_f', -1)) as ValueError;
    expect(error).toBeInstanceOf(ValueError);
    expect(error.pythonMessage).toBe('n must be positive\nbut got -1 \u2717 (\u00e9t\u00e9)');
  });

  it('reports an int result beyond 2^53 as a RangeError in number mode, with the exact value', () => {
    const error = thrown(() => call(wasm, 'mul', 2 ** 40, 2 ** 20)) as RangeError;
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toContain('mul() returned 1152921504606846976');
    expect(error.message).toContain("intMode: 'bigint'");
    expect(wasm.state[wasm.stateIndex]).toBe(0);
    expect(call(wasm, 'mul', -(2 ** 26), 2 ** 26)).toBe(-(2 ** 52));
    // The boundary: ±(2^53 - 1) is safe, 2^53 is not.
    expect(call(wasm, 'mul', 2 ** 53 - 1, 1)).toBe(2 ** 53 - 1);
    expect(call(wasm, 'mul', -(2 ** 53 - 1), 1)).toBe(-(2 ** 53 - 1));
    expect(() => call(wasm, 'mul', 2 ** 52, 2)).toThrow(/returned 9007199254740992,/);
  });

  it('returns the exact i64 from the wide export in bigint mode', () => {
    expect(call(wasm, 'mul__wide', 2n ** 40n, 2n ** 20n)).toBe(2n ** 60n);
    expect(call(wasm, 'mul__wide', 2n ** 62n, -2n)).toBe(-(2n ** 63n));
    expect(() => call(wasm, 'mul__wide', 2n ** 62n, 2n)).toThrow(OverflowError);
  });

  it('passes bools as i32', () => {
    expect(call(wasm, 'is_even', 4)).toBe(1);
    expect(call(wasm, 'flip', true)).toBe(0);
    expect(call(wasm, 'flip', false)).toBe(1);
  });

  it('turns a panic into PortalisTrap and re-instantiates with clean module state', () => {
    expect(call(wasm, 'counter')).toBe(1);
    expect(call(wasm, 'counter')).toBe(2);
    const before = wasm.instance;
    const error = thrown(() => call(wasm, 'panic_now')) as PortalisTrap;
    expect(error).toBeInstanceOf(PortalisTrap);
    expect(error).not.toBeInstanceOf(PythonError);
    expect(error.message).toBe('panic_now() trapped: unreachable (a Portalis bug; the module was re-instantiated)');
    expect(error.cause).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(wasm.instance).not.toBe(before);
    expect(wasm.resets).toBe(1);
    expect(call(wasm, 'counter')).toBe(1);
    expect(call(wasm, 'floordiv_f', 10, 3)).toBe(3);
  });

  it('does not report an exception left pending by a call that then trapped', () => {
    expect(() => call(wasm, 'raise_then_panic')).toThrow(PortalisTrap);
    expect(call(wasm, 'norm', 6, 8)).toBe(10);
  });

  it('maps engine stack exhaustion to RecursionError and keeps working', () => {
    expect(call(wasm, 'recurse', 10)).toBe(2217);
    const error = thrown(() => call(wasm, 'recurse', 1e7)) as RecursionError;
    expect(error).toBeInstanceOf(RecursionError);
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.pythonType).toBe('RecursionError');
    expect(error.pythonMessage).toBe('maximum recursion depth exceeded');
    expect(error.cause).toBeInstanceOf(RangeError);
    expect(call(wasm, 'recurse', 10)).toBe(2217);
    expect(wasm.resets).toBe(1);
  });

  it('survives memory growth between calls: the stale view reads undefined, the slow path renews it', () => {
    const view = wasm.state;
    const pages = call(wasm, 'grow', 2) as number;
    expect(view.length).toBe(0); // the old buffer was detached by memory.grow
    expect(pages * 65536).toBe(wasm.exports.memory.buffer.byteLength);
    expect(wasm.state === view).toBe(false);
    expect(wasm.state[wasm.stateIndex]).toBe(0);
    expect(call(wasm, 'floordiv_f', 100, 7)).toBe(14);
  });

  it('reads the error record and the wide result from the grown memory', () => {
    const error = thrown(() => call(wasm, 'grow_then_raise', 1)) as ZeroDivisionError;
    expect(error).toBeInstanceOf(ZeroDivisionError);
    expect(error.pythonMessage).toBe('after growth');
    expect(() => call(wasm, 'grow_then_wide', 1)).toThrow(/returned 9223372036854775807,/);
    expect(call(wasm, 'floordiv_f', 100, 7)).toBe(14);
  });

  it('retries the re-instantiation on the next call when it fails right after a trap', () => {
    expect(call(wasm, 'counter')).toBe(1);
    const Instance = WebAssembly.Instance;
    const spy = vi.spyOn(WebAssembly, 'Instance').mockImplementationOnce(function () {
      throw new RangeError('Maximum call stack size exceeded');
    } as unknown as typeof Instance);
    const trapped = wasm.instance;
    expect(() => call(wasm, 'panic_now')).toThrow(PortalisTrap);
    spy.mockRestore();
    expect(wasm.instance).toBe(trapped); // the reset failed; exports now retry it lazily
    expect(call(wasm, 'counter')).toBe(1);
    expect(wasm.instance).not.toBe(trapped);
    expect(wasm.exports.memory).toBeInstanceOf(WebAssembly.Memory);
    expect(call(wasm, 'counter')).toBe(2);
  });

  it('rejects a module built for another ABI version', async () => {
    expect(ABI_VERSION).toBe(2);
    await expect(instantiate(bytes, { abiVersion: 3 })).rejects.toThrow(/needs Portalis ABI 3.*implements ABI 2/);
    await expect(instantiate(bytes, { abiVersion: 0 })).rejects.toThrow(/needs Portalis ABI 0/);
  });

  it('requires the wire buffers of a version-2 module', async () => {
    await expect(instantiate(bytes, { abiVersion: 2 })).rejects.toThrow('not a Portalis module (ABI 2): missing export __portalis_alloc');
  });
});

describe('PortalisInstance on modules that are not Portalis modules', () => {
  // (module (memory (export "memory") 1)) — hand-assembled.
  const memoryOnly = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
    0x05, 0x03, 0x01, 0x00, 0x01, // memory section: one memory, min 1
    0x07, 0x0a, 0x01, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, // export "memory"
  ]);
  // (module) — no memory at all.
  const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

  it('names the first missing support export', async () => {
    await expect(instantiate(memoryOnly)).rejects.toThrow('not a Portalis module (ABI 1): missing export __portalis_state_ptr');
  });

  it('requires exported memory', async () => {
    await expect(instantiate(empty)).rejects.toThrow('does not export its memory');
  });
});
