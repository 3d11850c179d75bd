/**
 * Python exceptions as JavaScript errors.
 *
 * A Python exception raised inside a translated module crosses the boundary
 * as an error record `Type\nmessage` (docs/abi.md); `takeState` turns it into
 * an instance of the class below named like the Python type, so both
 * `err instanceof ZeroDivisionError` and `err instanceof ArithmeticError`
 * work, and `err.pythonType` / `err.pythonMessage` give the raw record.
 *
 * Conventions: `name` is the Python type, `message` is the Python message
 * alone, so `String(err)` reads like the last line of a Python traceback:
 * "ZeroDivisionError: integer division or modulo by zero".
 *
 * Python's `TypeError` would shadow the JS global of the same name, so it is
 * exported as `PythonTypeError` (its `name` and `pythonType` are still
 * 'TypeError'). Every class is also reachable by its Python name through
 * `pythonErrors`.
 */

/** Base of every Python exception that crosses the boundary (Python's `BaseException`). */
export class PythonError extends Error {
  /** The CPython exception class name, e.g. 'ZeroDivisionError'. */
  readonly pythonType: string;
  /** The Python message (`str(exc)`), possibly empty. */
  readonly pythonMessage: string;

  constructor(pythonType: string, pythonMessage: string, options?: { cause?: unknown }) {
    super(pythonMessage, options);
    this.pythonType = pythonType;
    this.pythonMessage = pythonMessage;
    this.name = pythonType;
  }
}

/**
 * Python's `Exception`, the base of the ordinary built-in exceptions below.
 * Each subclass only names its Python type in a static field; the constructor
 * reads it from `new.target`, so the classes stay one line each and survive
 * minification (no reliance on `constructor.name`).
 */
export class Exception extends PythonError {
  static readonly pythonType: string = 'Exception';

  constructor(message = '', options?: { cause?: unknown }) {
    super((new.target as typeof Exception).pythonType, message, options);
  }
}

export class ArithmeticError extends Exception { static override readonly pythonType: string = 'ArithmeticError'; }
export class ZeroDivisionError extends ArithmeticError { static override readonly pythonType: string = 'ZeroDivisionError'; }
export class OverflowError extends ArithmeticError { static override readonly pythonType: string = 'OverflowError'; }
export class FloatingPointError extends ArithmeticError { static override readonly pythonType: string = 'FloatingPointError'; }

export class LookupError extends Exception { static override readonly pythonType: string = 'LookupError'; }
export class IndexError extends LookupError { static override readonly pythonType: string = 'IndexError'; }
export class KeyError extends LookupError { static override readonly pythonType: string = 'KeyError'; }

export class ValueError extends Exception { static override readonly pythonType: string = 'ValueError'; }
export class UnicodeError extends ValueError { static override readonly pythonType: string = 'UnicodeError'; }

/** Python's `TypeError`, exported under this name so it does not shadow the JS `TypeError`. */
export class PythonTypeError extends Exception { static override readonly pythonType: string = 'TypeError'; }

export class RuntimeError extends Exception { static override readonly pythonType: string = 'RuntimeError'; }
export class RecursionError extends RuntimeError { static override readonly pythonType: string = 'RecursionError'; }
export class NotImplementedError extends RuntimeError { static override readonly pythonType: string = 'NotImplementedError'; }

export class AssertionError extends Exception { static override readonly pythonType: string = 'AssertionError'; }
export class AttributeError extends Exception { static override readonly pythonType: string = 'AttributeError'; }
export class NameError extends Exception { static override readonly pythonType: string = 'NameError'; }
export class UnboundLocalError extends NameError { static override readonly pythonType: string = 'UnboundLocalError'; }
export class MemoryError extends Exception { static override readonly pythonType: string = 'MemoryError'; }
export class SystemError extends Exception { static override readonly pythonType: string = 'SystemError'; }

/** The constructor every class in `pythonErrors` has. */
export type PythonErrorClass = typeof Exception;

/** Every built-in Python exception class the runtime knows, by Python name. */
export const pythonErrors: Readonly<Record<string, PythonErrorClass>> = Object.freeze({
  Exception,
  ArithmeticError,
  ZeroDivisionError,
  OverflowError,
  FloatingPointError,
  LookupError,
  IndexError,
  KeyError,
  ValueError,
  UnicodeError,
  TypeError: PythonTypeError,
  RuntimeError,
  RecursionError,
  NotImplementedError,
  AssertionError,
  AttributeError,
  NameError,
  UnboundLocalError,
  MemoryError,
  SystemError,
});

/**
 * Makes the error for a Python exception: an instance of the class named
 * `pythonType` when the runtime knows it, otherwise a plain `PythonError`
 * whose `name` and `pythonType` are still `pythonType`.
 */
export function createPythonError(pythonType: string, pythonMessage: string, options?: { cause?: unknown }): PythonError {
  const cls = Object.prototype.hasOwnProperty.call(pythonErrors, pythonType) ? pythonErrors[pythonType] : undefined;
  return cls ? new cls(pythonMessage, options) : new PythonError(pythonType, pythonMessage, options);
}

/**
 * A WebAssembly trap that is not a Python exception: a Rust panic or another
 * Portalis bug. The module is re-instantiated before this is thrown, so the
 * next call starts clean. `cause` holds the engine's error.
 */
export class PortalisTrap extends Error {
  /** The exported function that trapped. */
  readonly functionName: string;

  constructor(functionName: string, detail: string, options?: { cause?: unknown }) {
    super(`${functionName}() trapped: ${detail} (a Portalis bug; the module was re-instantiated)`, options);
    this.name = 'PortalisTrap';
    this.functionName = functionName;
  }
}
