/**
 * Runs the functions of a Portalis module for remote `call` requests.
 *
 * Calls go through the exact ABI of docs/abi.md: the `__wide` export when
 * there is one (ints as i64, so no int is rounded), the state word after each
 * call, and traps re-instantiate the module. A Python exception raised by the
 * WASM is thrown as the runtime's `PythonError` of that type, so the bridge
 * sends it back as a Python exception. Argument mistakes are Python errors
 * too, worded like CPython's (TypeError for a wrong count, AttributeError for
 * a name the module does not have).
 */
import { createPythonError } from '../errors.js';
import { instantiate, type PortalisInstance } from '../instance.js';
import { PyFloat, pythonTypeName, type BridgeValue } from './values.js';

/** The part of a ModuleSpec (actors/src/spec/types.ts) a call needs. */
export interface HostedSpec {
  readonly module: string;
  readonly exports: readonly HostedExport[];
}

export interface HostedExport {
  readonly name: string;
  readonly params: readonly { readonly name: string; readonly type: string }[];
  readonly returns: string;
  /** 'wire' exports (str and containers, ABI 2) are not callable through the bridge yet. */
  readonly boundary?: 'scalar' | 'wire';
  readonly wide: { readonly name: string } | null;
  readonly wasm: { readonly name: string };
}

export class ModuleHost {
  private constructor(
    readonly spec: HostedSpec,
    private readonly instance: PortalisInstance,
  ) {}

  static async load(wasm: Uint8Array, spec: HostedSpec): Promise<ModuleHost> {
    return new ModuleHost(spec, await instantiate(wasm));
  }

  /** Calls `name(*args)`; returns the result (a `PyFloat` for floats), throws a PythonError on a Python exception. */
  call(name: string, args: readonly BridgeValue[]): BridgeValue {
    const fn = this.spec.exports.find((e) => e.name === name);
    if (!fn) throw createPythonError('AttributeError', `module '${this.spec.module}' has no attribute '${name}'`);
    if (fn.boundary === 'wire') {
      throw createPythonError('TypeError', `${name}() takes or returns str or container values, which the bridge cannot pass yet`);
    }
    checkArity(fn, args.length);
    const useWide = fn.wide !== null;
    const wasmArgs = fn.params.map((param, i) => convertArgument(fn.name, param, args[i]!, useWide));
    const exportName = useWide ? fn.wide!.name : fn.wasm.name;
    const instance = this.instance;
    let raw: unknown;
    try {
      raw = instance.exports[exportName](...wasmArgs);
    } catch (error) {
      throw instance.trapped(error, name);
    }
    if (instance.state[instance.stateIndex] !== 0) instance.takeState(name);
    switch (fn.returns) {
      case 'None':
        return null;
      case 'bool':
        return raw !== 0;
      case 'float':
        return new PyFloat(raw as number);
      case 'int':
        return useWide ? (raw as bigint) : (raw as number);
      default:
        throw createPythonError('TypeError', `${name}() returns ${fn.returns}, which the bridge cannot pass yet`);
    }
  }
}

function checkArity(fn: HostedExport, given: number): void {
  const expected = fn.params.length;
  if (given > expected) {
    const takes = `${expected} positional argument${expected === 1 ? '' : 's'}`;
    throw createPythonError('TypeError', `${fn.name}() takes ${takes} but ${given} ${given === 1 ? 'was' : 'were'} given`);
  }
  if (given < expected) {
    const missing = fn.params.slice(given).map((p) => `'${p.name}'`);
    const list = missing.length === 1 ? missing[0] : missing.length === 2 ? missing.join(' and ') : `${missing.slice(0, -1).join(', ')}, and ${missing.at(-1)}`;
    throw createPythonError('TypeError', `${fn.name}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`);
  }
}

/**
 * A Python value to the WASM parameter. A bool is an int in Python, and an int
 * is accepted for a float parameter (the translated code would see an int where
 * CPython computes with it, which for these functions gives the same float only
 * when the int is exactly representable, so larger ints are refused). A float
 * for an int parameter is refused rather than silently truncated.
 */
function convertArgument(fnName: string, param: HostedExport['params'][number], value: BridgeValue, wide: boolean): number | bigint {
  const wrong = () =>
    createPythonError('TypeError', `${fnName}() argument '${param.name}' must be ${param.type}, not ${pythonTypeName(value)} (remote call to a translated function)`);
  switch (param.type) {
    case 'float':
      if (value instanceof PyFloat) return value.value;
      if (typeof value === 'number') return value;
      if (typeof value === 'boolean') return value ? 1 : 0;
      throw wrong();
    case 'int': {
      let big: bigint;
      if (typeof value === 'number') big = BigInt(value);
      else if (typeof value === 'bigint') big = value;
      else if (typeof value === 'boolean') big = value ? 1n : 0n;
      else throw wrong();
      if (big < I64_MIN || big > I64_MAX) {
        throw createPythonError('OverflowError', `${fnName}() argument '${param.name}' does not fit in 64 bits (translated ints are i64)`);
      }
      return wide ? big : Number(big);
    }
    case 'bool':
      if (typeof value === 'boolean') return value ? 1 : 0;
      throw wrong();
    default:
      throw wrong();
  }
}

const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
