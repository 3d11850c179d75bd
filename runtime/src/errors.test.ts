/**
 * The Python exception classes: hierarchy, names, messages and the factory.
 */

import { describe, expect, it } from 'vitest';
import {
  ArithmeticError,
  createPythonError,
  Exception,
  IndexError,
  KeyError,
  LookupError,
  NotImplementedError,
  OverflowError,
  PortalisTrap,
  PythonError,
  pythonErrors,
  PythonTypeError,
  RecursionError,
  RuntimeError,
  UnboundLocalError,
  NameError,
  ValueError,
  ZeroDivisionError,
} from './errors.js';

describe('Python exception classes', () => {
  it('mirror the built-in hierarchy so instanceof works', () => {
    const cases: Array<[PythonError, Function[]]> = [
      [new ZeroDivisionError('x'), [ArithmeticError, Exception, PythonError, Error]],
      [new OverflowError('x'), [ArithmeticError, Exception]],
      [new IndexError('x'), [LookupError]],
      [new KeyError('x'), [LookupError]],
      [new RecursionError('x'), [RuntimeError, Exception]],
      [new NotImplementedError('x'), [RuntimeError]],
      [new UnboundLocalError('x'), [NameError]],
    ];
    for (const [error, bases] of cases) for (const base of bases) expect(error).toBeInstanceOf(base);
    expect(new ZeroDivisionError('x')).not.toBeInstanceOf(LookupError);
    expect(new ValueError('x')).not.toBeInstanceOf(ArithmeticError);
  });

  it('carry the Python type as name and pythonType, the message as message and pythonMessage', () => {
    const error = new OverflowError('int too large to convert to float');
    expect(error.name).toBe('OverflowError');
    expect(error.pythonType).toBe('OverflowError');
    expect(error.message).toBe('int too large to convert to float');
    expect(error.pythonMessage).toBe('int too large to convert to float');
    expect(String(error)).toBe('OverflowError: int too large to convert to float');
    expect(error.stack).toMatch(/^OverflowError: int too large to convert to float\n/);
  });

  it('default to an empty message, like Python', () => {
    expect(new ValueError().pythonMessage).toBe('');
    expect(String(new ValueError())).toBe('ValueError');
  });
});

describe('createPythonError', () => {
  it('picks the class named like the Python type', () => {
    for (const [name, cls] of Object.entries(pythonErrors)) {
      const error = createPythonError(name, 'm');
      expect(error.constructor).toBe(cls);
      expect(error.pythonType).toBe(name);
      expect(error.name).toBe(name);
    }
  });

  it("maps Python's TypeError to PythonTypeError, not the JS TypeError", () => {
    const error = createPythonError('TypeError', "unsupported operand type(s) for +: 'int' and 'str'");
    expect(error).toBeInstanceOf(PythonTypeError);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error.name).toBe('TypeError');
  });

  it('keeps unknown types as a PythonError with that name', () => {
    const error = createPythonError('StatisticsError', 'no median for empty data');
    expect(error.constructor).toBe(PythonError);
    expect(String(error)).toBe('StatisticsError: no median for empty data');
  });

  it('does not treat Object.prototype members as exception classes', () => {
    expect(createPythonError('constructor', 'x').constructor).toBe(PythonError);
    expect(createPythonError('toString', 'x').pythonType).toBe('toString');
  });
});

describe('PortalisTrap', () => {
  it('is not a Python exception and names the function', () => {
    const trap = new PortalisTrap('fib', 'unreachable', { cause: new Error('engine') });
    expect(trap).not.toBeInstanceOf(PythonError);
    expect(trap.name).toBe('PortalisTrap');
    expect(trap.functionName).toBe('fib');
    expect(trap.message).toBe('fib() trapped: unreachable (a Portalis bug; the module was re-instantiated)');
  });
});
