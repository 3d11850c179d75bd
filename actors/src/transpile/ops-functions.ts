/**
 * Rust for the functions operations, methods and builtins (see ops.ts for the
 * entry format). Merged into OPS / METHOD_OPS by ops.ts.
 *
 * A function value is a `Rc<dyn Fn(A) -> PyResult<R>>` taking its arguments
 * by value; the runtime's key functions take `&T`, so each use adapts it
 * with `|x: &T| f(x.clone())` (a clone of an Rc handle or a scalar copy).
 */
import { elementOf, iterItemOf } from '../analysis/ty.js';
import type { OpArgs, OpEntry } from './ops.js';
import { rustType } from './rust-types.js';

function item(a: OpArgs, i: number): string {
  return rustType(iterItemOf(a.node(i)!.type)!);
}

const reverse = (a: OpArgs, i: number): string => (a.has(i) ? a.v(i) : 'false');

export const FUNCTIONS_OPS: Readonly<Record<string, OpEntry>> = {
  // Python evaluates the iterable before the key.
  'functions.sorted_key': (a) =>
    `{ let items = ${a.items(0)}; let key = ${a.v(1)}; sorted_by_key(items, &|x: &${item(a, 0)}| key(x.clone()), ${reverse(a, 2)})? }`,
  'functions.min_key': (a) => minMax(a, 'min'),
  'functions.max_key': (a) => minMax(a, 'max'),
  'functions.map': (a) =>
    `{ let f = ${a.v(0)}; let items = ${a.items(1)}; let mut out = Vec::with_capacity(items.len()); for x in items { out.push(f(x)?); } List::from_vec(out) }`,
  'functions.filter': (a) =>
    `{ let f = ${a.v(0)}; let items = ${a.items(1)}; let mut out = Vec::new(); for x in items { if f(x.clone())?.py_bool() { out.push(x); } } List::from_vec(out) }`,
  'functions.filter_true': (a) => `{ let items = ${a.items(0)}; List::from_vec(items.into_iter().filter(|x| x.py_bool()).collect()) }`,
  // Module variables (transpile.ts printVariable): argument 0 prints as the getter call `x()?`.
  'functions.global_set': (a) => `${setterOf(a.v(0))}(${a.v(1)})`,
  // A variable shared with nested functions (analysis/cells.ts): its one-item list is made empty, then filled.
  'functions.cell_set': (a) => `{ let cell = ${a.r(0)}; let v = ${a.v(1)}; if cell.is_empty() { list_append(cell, v); } else { list_setitem(cell, 0, v)?; } }`,
  'functions.list_sort': (a) => `list_sort(${a.r(0)}, ${reverse(a, 1)})?`,
  'functions.list_sort_key': (a) =>
    `{ let key = ${a.v(1)}; list_sort_by_key(${a.r(0)}, &|x: &${rustType(elementOf(a.node(0)!.type)!)}| key(x.clone()), ${reverse(a, 2)})? }`,
};

function setterOf(getter: string): string {
  const m = /^(?:r#)?(\w+)\(\)\?$/.exec(getter);
  if (!m) throw new Error(`transpile: a module variable's getter was expected, got ${getter}`);
  return `${m[1]}__set`;
}

function minMax(a: OpArgs, which: 'min' | 'max'): string {
  const key = `&|x: &${item(a, 0)}| key(x.clone())`;
  const call = a.has(2) ? `${which}_by_key_or(&items, ${key}, ${a.v(2)})` : `${which}_by_key(&items, ${key})`;
  return `{ let items = ${a.items(0)}; let key = ${a.v(1)}; ${call}? }`;
}

export const FUNCTIONS_METHOD_OPS: Readonly<Record<string, OpEntry>> = {};
