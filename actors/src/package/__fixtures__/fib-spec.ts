/**
 * The ModuleSpec the spec stage would produce for fib.py (see fib.rs), built
 * by hand for the package tests. `makeExport` derives the WASM signatures
 * from the Python types exactly as docs/abi.md lays them out.
 */

import type { ExportSpec, ModuleSpec, PyReturn, PyScalar, WasmValType } from '../../spec/types.js';

function fastType(type: PyScalar): WasmValType {
  return type === 'bool' ? 'i32' : 'f64';
}

function wideType(type: PyScalar): WasmValType {
  return type === 'int' ? 'i64' : fastType(type);
}

export function makeExport(name: string, params: ReadonlyArray<readonly [string, PyScalar]>, returns: PyReturn, doc: string | null = null): ExportSpec {
  const hasInt = returns === 'int' || params.some(([, type]) => type === 'int');
  const results = (wide: boolean): WasmValType[] => (returns === 'None' ? [] : [wide ? wideType(returns) : fastType(returns)]);
  const tsOf = (type: PyReturn, bigint: boolean) =>
    type === 'int' ? (bigint ? 'bigint' : 'number') : type === 'float' ? 'number' : type === 'bool' ? 'boolean' : 'void';
  const signature = (bigint: boolean) =>
    `(${params.map(([p, type]) => `${p}: ${tsOf(type, bigint)}`).join(', ')}) => ${tsOf(returns, bigint)}`;
  return {
    name,
    params: params.map(([p, type]) => ({ name: p, type })),
    returns,
    boundary: 'scalar',
    doc,
    line: 1,
    wasm: { name, params: params.map(([, type]) => fastType(type)), results: results(false) },
    wide: hasInt ? { name: `${name}__wide`, params: params.map(([, type]) => wideType(type)), results: results(true) } : null,
    ts: { number: signature(false), bigint: signature(true) },
  };
}

export const FIB_EXPORTS: readonly ExportSpec[] = [
  makeExport('fib', [['n', 'int']], 'int', 'Return the n-th Fibonacci number.\n\n    fib(0) == 0, fib(1) == 1.\n    '),
  makeExport('divide', [['a', 'int'], ['b', 'int']], 'float', 'True division; a comment end */ must not break the JSDoc.'),
  makeExport('scale', [['x', 'float'], ['times', 'int']], 'float'),
  makeExport('both', [['a', 'bool'], ['b', 'bool']], 'bool'),
  makeExport('check', [['n', 'int']], 'None', 'Raise ValueError for negative n.'),
  makeExport('delete', [['new', 'int'], ['wasm', 'int']], 'int'),
  makeExport('crash', [], 'int'),
  makeExport('square', [['n', 'int']], 'int'),
];

/** fib.py: the module has a function named like it, which becomes the default export. */
export const FIB_SPEC: ModuleSpec = { module: 'fib', exports: FIB_EXPORTS, defaultExport: 'fib', abiVersion: 1 };

/** The same code as mathy.py: no function named like the module, so the default export is a namespace. */
export const MATHY_SPEC: ModuleSpec = { module: 'mathy', exports: FIB_EXPORTS, defaultExport: null, abiVersion: 1 };
