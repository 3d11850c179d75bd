/**
 * The verdict for one case, from what CPython and the WASM module did.
 *
 *  - pass: the same value (ints exactly, floats bit for bit, any NaN equal to
 *    any NaN), or the same exception type and message. RecursionError on both
 *    sides passes on the type alone: CPython's message depends on where the
 *    limit was hit ("... while calling a Python object", "... in comparison").
 *  - limit (PTL5004): CPython's int result does not fit in 64 bits and
 *    Portalis raised OverflowError, or Portalis raised OverflowError where
 *    CPython's own evaluation went through an int outside 64 bits (the width
 *    probe, python-harness.ts). A documented limitation until big ints.
 *  - mismatch: anything else where both sides finished; PTL5001 when both
 *    returned a value, PTL5002 when either raised. A Portalis timeout or trap
 *    where CPython finished is a mismatch too.
 *  - skip: CPython timed out, crashed or ran out of memory, so there is
 *    nothing to compare with; the reason says which.
 *
 * When CPython raises RecursionError at its default limit (1000 frames) but
 * Portalis does not, the WASM stack simply went deeper; the case is compared
 * with CPython's outcome under a raised recursion limit instead, and a pass
 * says so in its reason.
 */
import type { Outcome } from './types.js';
import { isInt64, pyReprShort, sameValue } from './values.js';

export interface Judgement {
  readonly verdict: 'pass' | 'mismatch' | 'limit' | 'skip';
  readonly code?: 'PTL5001' | 'PTL5002' | 'PTL5004';
  readonly reason?: string;
}

export interface JudgeInput {
  readonly python: Outcome;
  /** CPython's outcome with the recursion limit raised, when `python` is a RecursionError. */
  readonly pythonDeep?: Outcome;
  /** Null when the case was not run under Portalis (see `needsPortalis`). */
  readonly portalis: Outcome | null;
  /** From the width probe: did CPython's evaluation go through an int outside 64 bits? */
  readonly wide?: boolean | null;
}

/** Whether to ask CPython again with a raised recursion limit: it hit the default one. */
export function needsDeepPython(python: Outcome): boolean {
  return isRecursionError(python);
}

/**
 * Whether the WASM side is worth running: false when the verdict is a skip
 * whatever it does. After a RecursionError it runs when CPython finished with
 * the limit raised, or hit the raised limit too (a RecursionError on the
 * Portalis side is then a pass).
 */
export function needsPortalis(python: Outcome, pythonDeep?: Outcome): boolean {
  if (skipReason(python) !== null) return false;
  if (isRecursionError(python)) return pythonDeep !== undefined && skipReason(pythonDeep) === null;
  return true;
}

/** Whether the width probe should run: Portalis raised OverflowError where CPython did not. */
export function needsWidthProbe(python: Outcome, pythonDeep: Outcome | undefined, portalis: Outcome): boolean {
  const reference = isRecursionError(python) && pythonDeep ? pythonDeep : python;
  if (!isException(portalis, 'OverflowError')) return false;
  if (reference.kind === 'exception') return reference.type !== 'OverflowError';
  if (reference.kind === 'value') return !outsideInt64(reference);
  return false;
}

export function judge(input: JudgeInput): Judgement {
  const { python, pythonDeep, portalis } = input;
  const skip = skipReason(python);
  if (skip) return { verdict: 'skip', reason: skip };
  if (isRecursionError(python)) {
    if (portalis && isException(portalis, 'RecursionError')) {
      return { verdict: 'pass', reason: "RecursionError on both sides (compared by type only: CPython's message varies)" };
    }
    const deepSkip = pythonDeep ? skipReason(pythonDeep) : 'CPython was not asked again';
    if (!pythonDeep || deepSkip || isRecursionError(pythonDeep)) {
      const how = deepSkip ?? 'CPython raised RecursionError again';
      return {
        verdict: 'skip',
        reason: `CPython hit its default recursion limit; with the limit raised, ${how}` +
          (portalis ? `; Portalis gave ${describeOutcome(portalis)}` : ''),
      };
    }
    const j = compare(pythonDeep, portalis, input.wide);
    const note = 'CPython hit its default recursion limit; compared with CPython under a raised limit';
    return { ...j, reason: j.reason ? `${j.reason} (${note})` : note };
  }
  return compare(python, portalis, input.wide);
}

function compare(reference: Outcome, portalis: Outcome | null, wide: boolean | null | undefined): Judgement {
  if (!portalis) return { verdict: 'skip', reason: 'not run under Portalis' };
  const code = reference.kind === 'exception' || portalis.kind === 'exception' ? 'PTL5002' : 'PTL5001';
  if (portalis.kind === 'timeout') {
    return { verdict: 'mismatch', code, reason: `Portalis timed out after ${Math.round(portalis.ms)} ms; CPython gave ${describeOutcome(reference)}` };
  }
  if (portalis.kind === 'crash') {
    return { verdict: 'mismatch', code, reason: `Portalis failed: ${portalis.message}; CPython gave ${describeOutcome(reference)}` };
  }
  if (reference.kind === 'value' && portalis.kind === 'value' && sameValue(reference.value, portalis.value)) {
    return reference.convertedFrom
      ? { verdict: 'pass', reason: `CPython returned ${reference.convertedFrom === 'int' ? 'an int; compared as a float' : 'a bool; compared as an int'}, as the annotation says` }
      : { verdict: 'pass' };
  }
  if (reference.kind === 'exception' && portalis.kind === 'exception' &&
      reference.type === portalis.type && reference.message === portalis.message) {
    return { verdict: 'pass' };
  }
  if (isException(portalis, 'OverflowError')) {
    if (reference.kind === 'value' && outsideInt64(reference)) {
      return { verdict: 'limit', code: 'PTL5004', reason: "CPython's result needs more than 64 bits" };
    }
    if (wide === true) {
      return {
        verdict: 'limit',
        code: 'PTL5004',
        reason: 'CPython computed it through an int of more than 64 bits',
      };
    }
  }
  return { verdict: 'mismatch', code, reason: `CPython gave ${describeOutcome(reference)}, Portalis gave ${describeOutcome(portalis)}` };
}

/** Why nothing can be compared for this CPython outcome, or null. */
function skipReason(o: Outcome): string | null {
  if (o.kind === 'timeout') return `CPython timed out after ${Math.round(o.ms)} ms`;
  if (o.kind === 'crash') return `CPython failed: ${o.message}`;
  if (isException(o, 'MemoryError')) return 'CPython ran out of memory';
  return null;
}

function isRecursionError(o: Outcome): boolean {
  return isException(o, 'RecursionError');
}

function isException(o: Outcome, type: string): boolean {
  return o.kind === 'exception' && o.type === type;
}

function outsideInt64(o: Outcome): boolean {
  if (o.kind !== 'value') return false;
  if (o.value.kind === 'hugeint') return true;
  return o.value.kind === 'int' && !isInt64(o.value.value);
}


/** One outcome in words: `1`, `ZeroDivisionError: integer modulo by zero`, `timeout after 1000 ms`. */
export function describeOutcome(o: Outcome): string {
  switch (o.kind) {
    case 'value':
      return pyReprShort(o.value);
    case 'exception':
      return o.message ? `${o.type}: ${o.message}` : o.type;
    case 'timeout':
      return `timeout after ${Math.round(o.ms)} ms`;
    case 'crash':
      return `crash (${o.message})`;
  }
}
