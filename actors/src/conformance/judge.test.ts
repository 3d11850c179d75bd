import { describe, expect, it } from 'vitest';
import { judge, needsDeepPython, needsPortalis, needsWidthProbe } from './judge.js';
import type { Outcome } from './types.js';
import { floatValue, intValue } from './values.js';

const value = (v: bigint | number): Outcome => ({ kind: 'value', value: typeof v === 'bigint' ? intValue(v) : floatValue(v), ms: 1 });
const exc = (type: string, message = ''): Outcome => ({ kind: 'exception', type, message, ms: 1 });
const timeout: Outcome = { kind: 'timeout', ms: 1000 };

describe('judge', () => {
  it('passes equal values and equal exceptions', () => {
    expect(judge({ python: value(1n), portalis: value(1n) })).toEqual({ verdict: 'pass' });
    expect(judge({ python: value(NaN), portalis: value(NaN) })).toEqual({ verdict: 'pass' });
    expect(judge({ python: exc('ZeroDivisionError', 'integer modulo by zero'), portalis: exc('ZeroDivisionError', 'integer modulo by zero') }))
      .toEqual({ verdict: 'pass' });
  });

  it('calls different values PTL5001 and any exception difference PTL5002', () => {
    expect(judge({ python: value(1n), portalis: value(-1n) })).toMatchObject({ verdict: 'mismatch', code: 'PTL5001' });
    expect(judge({ python: value(0), portalis: value(-0) })).toMatchObject({ verdict: 'mismatch', code: 'PTL5001' });
    expect(judge({ python: exc('ZeroDivisionError', 'integer modulo by zero'), portalis: exc('ZeroDivisionError', 'division by zero') }))
      .toMatchObject({ verdict: 'mismatch', code: 'PTL5002', reason: 'CPython gave ZeroDivisionError: integer modulo by zero, Portalis gave ZeroDivisionError: division by zero' });
    expect(judge({ python: value(1n), portalis: exc('ValueError', 'x') })).toMatchObject({ verdict: 'mismatch', code: 'PTL5002' });
  });

  it('is a mismatch when Portalis times out or traps where CPython finished', () => {
    expect(judge({ python: value(1n), portalis: timeout })).toMatchObject({ verdict: 'mismatch', code: 'PTL5001', reason: expect.stringContaining('Portalis timed out') });
    expect(judge({ python: value(1n), portalis: { kind: 'crash', message: 'PortalisTrap: unreachable' } })).toMatchObject({ verdict: 'mismatch' });
  });

  it('skips what CPython could not finish, and does not run Portalis for it', () => {
    expect(judge({ python: timeout, portalis: null })).toEqual({ verdict: 'skip', reason: 'CPython timed out after 1000 ms' });
    expect(needsPortalis(timeout)).toBe(false);
    expect(needsPortalis(exc('MemoryError'))).toBe(false);
    expect(needsPortalis(exc('ValueError', 'x'))).toBe(true);
  });

  it('calls an OverflowError a limit only when CPython needed more than 64 bits', () => {
    const over = exc('OverflowError', 'int too large');
    expect(judge({ python: value(2n ** 63n), portalis: over })).toMatchObject({ verdict: 'limit', code: 'PTL5004' });
    expect(judge({ python: value(-(2n ** 63n)), portalis: over })).toMatchObject({ verdict: 'mismatch', code: 'PTL5002' });
    expect(needsWidthProbe(value(5n), undefined, over)).toBe(true);
    expect(judge({ python: value(5n), portalis: over, wide: true })).toMatchObject({ verdict: 'limit', code: 'PTL5004' });
    expect(judge({ python: value(5n), portalis: over, wide: false })).toMatchObject({ verdict: 'mismatch', code: 'PTL5002' });
    expect(judge({ python: value(5n), portalis: over, wide: null })).toMatchObject({ verdict: 'mismatch' });
    // A wrapped result is never a limit.
    expect(judge({ python: value(2n ** 63n), portalis: value(-(2n ** 63n)) })).toMatchObject({ verdict: 'mismatch', code: 'PTL5001' });
  });

  it('passes RecursionError on both sides by type alone', () => {
    const j = judge({ python: exc('RecursionError', 'maximum recursion depth exceeded while calling a Python object'), portalis: exc('RecursionError', 'maximum recursion depth exceeded') });
    expect(j.verdict).toBe('pass');
    expect(j.reason).toContain('type only');
  });

  it('compares with CPython under a raised recursion limit when only CPython hit its limit', () => {
    const rec = exc('RecursionError', 'maximum recursion depth exceeded');
    expect(needsDeepPython(rec)).toBe(true);
    expect(needsDeepPython(value(3n))).toBe(false);
    // A runaway recursion under the raised limit: not run under Portalis at all.
    expect(needsPortalis(rec, timeout)).toBe(false);
    expect(judge({ python: rec, pythonDeep: timeout, portalis: null })).toMatchObject({
      verdict: 'skip',
      reason: 'CPython hit its default recursion limit; with the limit raised, CPython timed out after 1000 ms',
    });
    expect(needsPortalis(rec, rec)).toBe(true);
    expect(needsPortalis(rec, value(3n))).toBe(true);
    expect(judge({ python: rec, pythonDeep: value(3n), portalis: value(3n) })).toMatchObject({ verdict: 'pass', reason: expect.stringContaining('raised limit') });
    expect(judge({ python: rec, pythonDeep: value(3n), portalis: value(4n) })).toMatchObject({ verdict: 'mismatch', code: 'PTL5001' });
    expect(judge({ python: rec, pythonDeep: value(2n ** 70n), portalis: exc('OverflowError', 'x') })).toMatchObject({ verdict: 'limit' });
    expect(judge({ python: rec, pythonDeep: timeout, portalis: timeout })).toMatchObject({ verdict: 'skip' });
    expect(judge({ python: rec, pythonDeep: rec, portalis: value(1n) })).toMatchObject({ verdict: 'skip', reason: expect.stringContaining('RecursionError again') });
    expect(judge({ python: rec, pythonDeep: rec, portalis: rec })).toMatchObject({ verdict: 'pass' });
  });
});
