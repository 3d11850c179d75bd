/**
 * Boundary types: parsing the canonical type strings of docs/values.md, the
 * TypeScript spelling of each, and the encoded sizes the glue relies on.
 */
import { describe, expect, it } from 'vitest';
import { BoundaryTypeError, fixedSize, mentionsInt, parseBoundaryType, printBoundaryType, tsTypeOf } from './boundary-type.js';

const ts = (t: string, position: 'in' | 'out' = 'out', int: 'number' | 'bigint' = 'number') => tsTypeOf(parseBoundaryType(t), int, position);

describe('boundary types', () => {
  it('parse and print back every canonical form', () => {
    for (const t of [
      'int', 'float', 'bool', 'None', 'str', 'list[int]', 'dict[str, list[float]]', 'set[int]', 'frozenset[str]',
      'tuple[int, str]', 'tuple[int, ...]', 'tuple[()]', 'Optional[str]', 'list[Optional[tuple[int, tuple[float, bool]]]]',
      'dict[tuple[int, int], set[str]]',
    ]) {
      expect(printBoundaryType(parseBoundaryType(t))).toBe(t);
    }
    expect(printBoundaryType(parseBoundaryType('Optional[Optional[int]]'))).toBe('Optional[int]');
  });

  it('refuses types that cannot cross, saying why', () => {
    const reason = (t: string) => {
      try {
        parseBoundaryType(t);
        return null;
      } catch (err) {
        expect(err).toBeInstanceOf(BoundaryTypeError);
        return (err as Error).message;
      }
    };
    expect(reason('range')).toMatch(/cannot cross the JS boundary/);
    expect(reason('list[range]')).toBe('type `list[range]` cannot cross the JS boundary (a `range` has no JS counterpart; pass a list)');
    expect(reason('Callable[[int], int]')).toMatch(/functions are not values/);
    expect(reason('?')).toMatch(/not a type/);
    expect(reason('list[int, str]')).toMatch(/malformed/);
    expect(reason('Optional[None]')).toMatch(/malformed/);
  });

  it('spells each type in TypeScript, read-only for arguments', () => {
    expect(ts('str')).toBe('string');
    expect(ts('list[float]')).toBe('number[]');
    expect(ts('list[float]', 'in')).toBe('readonly number[]');
    expect(ts('tuple[int, str]')).toBe('[number, string]');
    expect(ts('tuple[int, str]', 'in')).toBe('readonly [number, string]');
    expect(ts('tuple[()]')).toBe('[]');
    expect(ts('tuple[bool, ...]')).toBe('boolean[]');
    expect(ts('dict[str, list[int]]', 'out', 'bigint')).toBe('Map<string, bigint[]>');
    expect(ts('dict[str, list[int]]', 'in')).toBe('ReadonlyMap<string, readonly number[]>');
    expect(ts('set[int]')).toBe('Set<number>');
    expect(ts('frozenset[str]', 'in')).toBe('ReadonlySet<string>');
    expect(ts('Optional[str]')).toBe('string | null');
    expect(ts('list[Optional[int]]')).toBe('(number | null)[]');
    expect(ts('list[None]')).toBe('null[]');
  });

  it('knows the fixed encoded sizes and where ints occur', () => {
    expect(fixedSize(parseBoundaryType('tuple[int, float, bool]'))).toBe(17);
    expect(fixedSize(parseBoundaryType('tuple[int, str]'))).toBeNull();
    expect(fixedSize(parseBoundaryType('list[int]'))).toBeNull();
    expect(fixedSize(parseBoundaryType('None'))).toBe(0);
    expect(mentionsInt(parseBoundaryType('dict[str, list[Optional[int]]]'))).toBe(true);
    expect(mentionsInt(parseBoundaryType('dict[str, list[float]]'))).toBe(false);
  });
});
