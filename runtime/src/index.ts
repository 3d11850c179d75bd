/**
 * @portalis/runtime: the JavaScript side of the Portalis WASM boundary.
 *
 * Generated modules (actors/src/package) import from here: `instantiate`
 * and `decodeBase64` once at load time, then per call the state-word check
 * (`PortalisInstance`) and, only on failure, the argument-error helpers.
 * Users import the Python exception classes to catch errors by type.
 * See README.md for the value mapping at the boundary.
 */

export { decodeBase64 } from './base64.js';
export { loadWasmModule, type WasmSource } from './load.js';
export {
  ABI_VERSION,
  instantiate,
  PortalisInstance,
  type InstantiateOptions,
  type PortalisExports,
} from './instance.js';
export {
  I64_MAX,
  I64_MIN,
  bigintArgument,
  boolArgumentError,
  describeValue,
  floatArgumentError,
  intArgumentError,
} from './args.js';
export {
  ArithmeticError,
  AssertionError,
  AttributeError,
  createPythonError,
  Exception,
  FloatingPointError,
  IndexError,
  KeyError,
  LookupError,
  MemoryError,
  NameError,
  NotImplementedError,
  OverflowError,
  PortalisTrap,
  PythonError,
  pythonErrors,
  PythonTypeError,
  RecursionError,
  RuntimeError,
  SystemError,
  UnboundLocalError,
  UnicodeError,
  ValueError,
  ZeroDivisionError,
  type PythonErrorClass,
} from './errors.js';
export { runScriptWasm, type ScriptIO } from './script.js';
export { wireBigint, wireInt, wireIntError, wireReadStr, wireTypeError, wireWriteStr } from './wire.js';
