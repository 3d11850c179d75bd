/**
 * The export wrappers: the `__w` form for functions with str/container
 * values (docs/abi.md, "Values in linear memory"), and that the scalar forms
 * are unchanged by the move out of transpile.ts.
 */
import { describe, expect, it } from 'vitest';
import { exportSpec } from '../spec/spec.js';
import { printWrappers } from './exports.js';

const spec = (name: string, params: [string, string][], returns: string) =>
  exportSpec({ name, doc: null, line: 1, params: params.map(([n, type]) => ({ name: n, type })), returns });

describe('export wrappers', () => {
  it('decodes every argument, then calls, for a `__w` export', () => {
    const e = spec('tally', [['words', 'list[str]'], ['n', 'int']], 'dict[str, int]');
    expect(printWrappers(e, e, 'tally').join('\n')).toBe(
      [
        '',
        '#[no_mangle]',
        'pub extern "C" fn tally__w(ptr: i32, len: i32) {',
        '    wire_export(ptr, len, |reader| {',
        '        let words = reader.read()?;',
        '        let n = reader.read()?;',
        '        Ok(move || py::tally(words, n))',
        '    })',
        '}',
      ].join('\n'),
    );
  });

  it('keeps parameters off the wrapper\'s own names, and handles no parameters', () => {
    const e = spec('f', [['reader', 'str'], ['ptr', 'list[int]'], ['len', 'str'], ['Big', 'str']], 'str');
    const text = printWrappers(e, e, 'f_').join('\n');
    expect(text).toContain('let reader_ = reader.read()?;');
    expect(text).toContain('let ptr_ = reader.read()?;');
    expect(text).toContain('let len_ = reader.read()?;');
    expect(text).toContain('Ok(move || py::f_(reader_, ptr_, len_, Big))');
    expect(text).toContain('#[allow(non_snake_case)]');
    const none = spec('make', [], 'list[float]');
    expect(printWrappers(none, none, 'make').join('\n')).toContain('wire_export(ptr, len, |_reader| {\n        Ok(move || py::make())');
  });

  it('prints the scalar forms as before', () => {
    const e = spec('scale', [['n', 'int'], ['x', 'float'], ['flip', 'bool']], 'float');
    expect(printWrappers(e, e, 'scale')).toEqual([
      '',
      '#[no_mangle]',
      'pub extern "C" fn scale(n: f64, x: f64, flip: i32) -> f64 {',
      '    export_float(py::scale(import_int(n), x, import_bool(flip)))',
      '}',
      '',
      '#[no_mangle]',
      'pub extern "C" fn scale__wide(n: i64, x: f64, flip: i32) -> f64 {',
      '    export_float(py::scale(n, x, import_bool(flip)))',
      '}',
    ]);
  });
});
