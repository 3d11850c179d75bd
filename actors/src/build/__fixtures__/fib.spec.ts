/** The ModuleSpec matching fib.rs (written by hand, as the spec stage would). */
import type { ExportSpec, ModuleSpec, PyReturn, PyScalar, WasmValType } from '../../spec/types.js';

const fast: Record<PyScalar, WasmValType> = { int: 'f64', float: 'f64', bool: 'i32' };
const wide: Record<PyScalar, WasmValType> = { int: 'i64', float: 'f64', bool: 'i32' };

function fn(name: string, params: [string, PyScalar][], returns: PyReturn, line: number): ExportSpec {
  const hasInt = returns === 'int' || params.some(([, t]) => t === 'int');
  const res = (m: Record<PyScalar, WasmValType>): WasmValType[] => (returns === 'None' ? [] : [m[returns]]);
  return {
    name,
    params: params.map(([n, type]) => ({ name: n, type })),
    returns,
    doc: null,
    line,
    wasm: { name, params: params.map(([, t]) => fast[t]), results: res(fast) },
    wide: hasInt ? { name: `${name}__wide`, params: params.map(([, t]) => wide[t]), results: res(wide) } : null,
    ts: { number: '', bigint: '' },
  };
}

export const fibSpec: ModuleSpec = {
  module: 'fib',
  exports: [
    fn('fib', [['n', 'int']], 'int', 1),
    fn('depth', [['n', 'int']], 'int', 7),
    fn('ratio', [['a', 'float'], ['b', 'float']], 'float', 12),
    fn('is_even', [['n', 'int']], 'bool', 9),
    fn('check', [['flag', 'bool']], 'None', 12),
  ],
  defaultExport: 'fib',
  abiVersion: 1,
};
