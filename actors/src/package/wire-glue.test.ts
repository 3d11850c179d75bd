/**
 * The generated JS encoders and decoders on their own: each function body
 * from `wireFunctionBody` runs against a stand-in module whose `__w` export
 * copies its argument bytes to the result (an echo), so `f(x: T) -> T`
 * must give back a value equal to x. Checks the exact bytes of docs/abi.md
 * too, the types the compiler does not translate yet (Optional, None in
 * containers, tuple[()]), and the argument errors.
 */
import { describe, expect, it } from 'vitest';
import * as runtime from '../../../runtime/src/index.js';
import { exportSpec } from '../spec/spec.js';
import { WIRE_GLUE_NAMES, wireFunctionBody } from './wire-glue.js';

/** A stand-in for PortalisInstance: linear memory, an input buffer, and an echoing `__w` export. */
class EchoModule {
  readonly memory = new ArrayBuffer(1 << 22);
  readonly state = new Int32Array(1);
  readonly stateIndex = 0;
  wireView = new DataView(this.memory);
  wireBytes = new Uint8Array(this.memory);
  lastInput = new Uint8Array(0);
  calls = 0;
  private resultLength = 0;
  private static readonly INPUT = 8;
  private static readonly RESULT = 1 << 21;
  readonly exports: Record<string, (ptr: number, len: number) => void> = new Proxy(
    {},
    {
      get: () => (ptr: number, len: number) => {
        this.calls++;
        const bytes = new Uint8Array(this.memory);
        this.lastInput = bytes.slice(ptr, ptr + len);
        bytes.copyWithin(EchoModule.RESULT, ptr, ptr + len);
        this.resultLength = len;
      },
    },
  );
  wireInput(size: number): number {
    this.wireView = new DataView(this.memory, EchoModule.INPUT, size);
    this.wireBytes = new Uint8Array(this.memory, EchoModule.INPUT, size);
    return EchoModule.INPUT;
  }
  wireResult(): number {
    this.wireView = new DataView(this.memory, EchoModule.RESULT, this.resultLength);
    this.wireBytes = new Uint8Array(this.memory, EchoModule.RESULT, this.resultLength);
    return this.resultLength;
  }
  wireMismatch(fn: string, read: number, length: number): never {
    throw new Error(`${fn}: read ${read} of ${length}`);
  }
  wireChanged(fn: string): never {
    throw new TypeError(`${fn}() arguments changed while they were being encoded`);
  }
  trapped(error: unknown): unknown {
    return error;
  }
  takeState(): void {}
}

type Fn = (...args: unknown[]) => unknown;

/** Compiles the glue of `name(params) -> returns` against `module`. */
function glue(module: EchoModule, params: [string, string][], returns: string, intMode: 'number' | 'bigint' = 'number'): Fn {
  const fn = exportSpec({ name: 'f', doc: null, line: 1, params: params.map(([name, type]) => ({ name, type })), returns });
  expect(fn.boundary).toBe('wire');
  const helpers = new Set<string>();
  const args = params.map(([name]) => name);
  const body = wireFunctionBody(fn, args, intMode === 'bigint', helpers);
  for (const h of helpers) expect(WIRE_GLUE_NAMES).toContain(h);
  const names = [...WIRE_GLUE_NAMES];
  const make = new Function('wasm', ...names, `return function f(${args.join(', ')}) {\n${body.join('\n')}\n};`) as (...a: unknown[]) => Fn;
  return make(module, ...names.map((n) => (runtime as Record<string, unknown>)[n]));
}

function echo(type: string, intMode: 'number' | 'bigint' = 'number'): Fn {
  return glue(new EchoModule(), [['x', type]], type, intMode);
}

describe('wire glue: encode then decode gives the value back', () => {
  it('scalars, strings, lists, tuples', () => {
    const r = (type: string, v: unknown) => expect(echo(type)(v)).toEqual(v);
    r('list[int]', [0, 1, -1, 2 ** 53 - 1, -(2 ** 53) + 1, 2 ** 32, -(2 ** 32), 2 ** 31 - 1, -(2 ** 31)]);
    r('list[float]', [0, 1.5, -2.25, Infinity, -Infinity, 5e-324, 1.7976931348623157e308]);
    expect(Object.is((echo('list[float]')([-0]) as number[])[0], -0)).toBe(true);
    expect(Number.isNaN((echo('list[float]')([NaN]) as number[])[0])).toBe(true);
    r('list[bool]', [true, false, true]);
    r('str', '');
    r('str', 'plain ascii');
    r('str', 'naïve ☃ 𝄞 and a long tail that goes past the short-string loop of thirty-two units');
    r('str', '\ufeffleading BOM');
    r('str', 'é'.repeat(10_000));
    r('list[str]', ['', 'a', 'é', '𝄞', 'x'.repeat(40)]);
    r('tuple[int, tuple[float, str], bool]', [1, [2.5, 'z'], true]);
    r('tuple[()]', []);
    r('tuple[str, ...]', ['a', 'b']);
    r('list[list[list[int]]]', [[[1], []], [], [[2, 3]]]);
  });

  it('dicts keep insertion order; sets come back as Sets', () => {
    const d = new Map([
      ['b', [1, 2]],
      ['a', []],
      ['é', [3]],
    ]);
    const back = echo('dict[str, list[int]]')(d) as Map<string, number[]>;
    expect([...back]).toEqual([...d]);
    expect(echo('dict[int, float]')(new Map([[5, 0.5], [-1, 2]]))).toEqual(new Map([[5, 0.5], [-1, 2]]));
    expect(echo('set[str]')(new Set(['x', 'y']))).toEqual(new Set(['x', 'y']));
    expect(echo('frozenset[int]')(new Set([3]))).toEqual(new Set([3]));
    expect(echo('dict[tuple[int, int], str]')(new Map([[[1, 2], 'p']]))).toEqual(new Map([[[1, 2], 'p']]));
  });

  it('Optional and None, alone and inside containers', () => {
    expect(echo('Optional[int]')(null)).toBeNull();
    expect(echo('Optional[int]')(undefined)).toBeNull();
    expect(echo('Optional[int]')(7)).toBe(7);
    expect(echo('Optional[str]')('é')).toBe('é');
    expect(echo('list[Optional[float]]')([1.5, null, 2])).toEqual([1.5, null, 2]);
    expect(echo('dict[str, Optional[tuple[bool, str]]]')(new Map([['a', null], ['b', [true, 's']]]))).toEqual(
      new Map([['a', null], ['b', [true, 's']]]),
    );
    expect(echo('list[None]')([null, undefined])).toEqual([null, null]);
  });

  it('bigint mode: exact i64 values, and safe-integer numbers accepted', () => {
    const f = echo('list[int]', 'bigint');
    expect(f([2n ** 63n - 1n, -(2n ** 63n), 0n, 5])).toEqual([2n ** 63n - 1n, -(2n ** 63n), 0n, 5n]);
    expect(() => f([2n ** 63n])).toThrow(RangeError);
    expect(() => f([0.5])).toThrow(TypeError);
  });
});

describe('wire glue: the bytes of docs/abi.md', () => {
  it('writes each type as the ABI says, little-endian, unaligned', () => {
    const module = new EchoModule();
    const f = glue(module, [['a', 'int'], ['b', 'float'], ['c', 'bool'], ['d', 'Optional[int]'], ['e', 'Optional[bool]'], ['s', 'str'], ['xs', 'list[int]']], 'None');
    expect(f(-2, 1, true, 7, null, 'é€', [1])).toBeUndefined();
    expect([...module.lastInput]).toEqual([
      ...[0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
      ...[0, 0, 0, 0, 0, 0, 0xf0, 0x3f],
      1,
      ...[1, 7, 0, 0, 0, 0, 0, 0, 0],
      0,
      ...[5, 0, 0, 0, 0xc3, 0xa9, 0xe2, 0x82, 0xac],
      ...[1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
    ]);
    const g = glue(module, [['d', 'dict[str, bool]'], ['t', 'tuple[int, ...]'], ['s', 'set[bool]']], 'None');
    g(new Map([['k', true]]), [], new Set([false]));
    expect([...module.lastInput]).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0x6b, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('a function of no arguments sends an empty buffer', () => {
    const module = new EchoModule();
    expect(glue(module, [], 'tuple[()]')()).toEqual([]);
    expect(module.lastInput.length).toBe(0);
    expect(module.calls).toBe(1);
  });
});

describe('wire glue: argument errors', () => {
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return `${(e as Error).constructor.name}: ${(e as Error).message}`;
    }
    return 'no error';
  };

  it('names the argument, the item and the expected type, before calling the module', () => {
    const module = new EchoModule();
    const f = glue(module, [['xs', 'list[tuple[int, str]]'], ['m', 'Optional[dict[str, set[float]]]']], 'None');
    expect(message(() => f([[1, 'a'], [2]], null))).toBe("TypeError: f() argument 'xs' item [1] must be tuple[int, str] (an array of 2), got an array");
    expect(message(() => f([[1, 2]], null))).toBe("TypeError: f() argument 'xs' item [0][1] must be str (a string), got 2");
    expect(message(() => f([[0.5, 'a']], null))).toBe("TypeError: f() argument 'xs' item [0][0] must be int, got 0.5");
    expect(message(() => f([], new Map([['k', [1]]])))).toBe("TypeError: f() argument 'm' item <value 0> must be set[float] (a Set), got an array");
    expect(message(() => f([], new Map([['k', new Set(['1'])]])))).toBe("TypeError: f() argument 'm' item <value 0>[0] must be float (a number), got string \"1\"");
    expect(message(() => f([], 5))).toBe("TypeError: f() argument 'm' must be dict[str, set[float]] (a Map), got 5");
    expect(message(() => f(new Set(), null))).toBe("TypeError: f() argument 'xs' must be list[tuple[int, str]] (an array), got an object");
    expect(message(() => f([[2 ** 60, 'a']], null))).toMatch(/^RangeError: f\(\) argument 'xs' item \[0\]\[0\] must be a safe integer/);
    expect(module.calls).toBe(0);
    expect(message(() => glue(module, [['n', 'None'], ['s', 'str']], 'None')(0, 's'))).toBe("TypeError: f() argument 'n' must be None (null), got 0");
  });

  it('stops a call whose argument encoded longer than it measured (a getter changing its answer)', () => {
    const module = new EchoModule();
    const f = glue(module, [['xs', 'list[str]']], 'None');
    let reads = 0;
    const xs: string[] = [];
    Object.defineProperty(xs, 0, { get: () => (reads++ === 0 ? '' : 'longer than measured'), enumerable: true });
    expect(message(() => f(xs))).toBe('TypeError: f() arguments changed while they were being encoded');
    expect(module.calls).toBe(0);
  });
});
