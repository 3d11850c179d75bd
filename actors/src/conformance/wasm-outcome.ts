/**
 * Turns what a packaged function did in JS (wasm-runner.ts) into a Python
 * outcome, using the spec's return type: in bigint mode an `int` comes back
 * as a bigint, a `float` as a number, a `bool` as a boolean and `None` as
 * undefined. Anything else is an `other` value, which never passes.
 *
 * Errors: one carrying `pythonType` is that Python exception (the runtime's
 * RecursionError, raised on WASM stack exhaustion, carries it too); any
 * other error, e.g. a `PortalisTrap` or a glue `TypeError`, is a crash.
 */
import type { PyReturn } from '../spec/types.js';
import type { Outcome, PyValue } from './types.js';
import { floatFromBits } from './values.js';
import type { JsOutcome, JsResult } from './wasm-runner.js';

export function toOutcome(returns: PyReturn, o: JsOutcome): Outcome {
  switch (o.kind) {
    case 'return':
      return { kind: 'value', value: toPyValue(returns, o.result), ms: o.ms };
    case 'throw': {
      const e = o.error;
      if (e.pythonType !== null) return { kind: 'exception', type: e.pythonType, message: e.pythonMessage ?? e.message, ms: o.ms };
      if (e.name === 'RecursionError') return { kind: 'exception', type: 'RecursionError', message: e.message, ms: o.ms };
      return { kind: 'crash', message: `${e.name}: ${e.message}` };
    }
    case 'timeout':
      return { kind: 'timeout', ms: o.ms };
    case 'died':
      return { kind: 'crash', message: o.message };
  }
}

function toPyValue(returns: PyReturn, r: JsResult): PyValue {
  if (returns === 'int' && r.js === 'bigint') return { kind: 'int', value: r.v };
  if (returns === 'float' && r.js === 'number') return { kind: 'float', bits: r.bits };
  if (returns === 'bool' && r.js === 'boolean') return { kind: 'bool', value: r.v };
  if (returns === 'None' && r.js === 'undefined') return { kind: 'none' };
  return { kind: 'other', repr: `JS ${describeJs(r)} for a ${returns} result` };
}

function describeJs(r: JsResult): string {
  switch (r.js) {
    case 'bigint':
      return `bigint ${r.v}n`;
    case 'number':
      return `number ${String(floatFromBits(r.bits))}`;
    case 'boolean':
      return `boolean ${String(r.v)}`;
    case 'undefined':
      return 'undefined';
    case 'other':
      return r.repr;
  }
}
