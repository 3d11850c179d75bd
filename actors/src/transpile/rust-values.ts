/**
 * Rust for the expressions over strings and containers (analysis/types.ts:
 * displays, subscripts, slices, methods, ops, comprehensions, f-strings).
 * Values of non-`Copy` types are Rc handles: reading a local clones the
 * handle (Python's sharing), and arguments the runtime only looks at are
 * passed by reference (`&xs`), which costs nothing.
 */
import { elementOf, headOf, iterItemOf, pyClassName, tupleParts, unionParts } from '../analysis/ty.js';
import type { CompClause, Target, TExpr } from '../analysis/types.js';
import { METHOD_OPS, type OpArgs, OPS } from './ops.js';
import { rustType } from './rust-types.js';

export interface ValueContext {
  print(e: TExpr): { code: string };
  /** `&x` for a local, `&(expr)` otherwise. */
  ref(e: TExpr): string;
  fresh(base: string): string;
  /** Binds comprehension variables to Rust names while `body` prints. */
  withComprehensionNames<T>(names: Map<string, string>, body: () => T): T;
}

export function rustStrLiteral(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * The type of an empty display nothing constrained (`print([])`,
 * `str(dict())`): its element type cannot be observed, so any type does;
 * where the context needs another one, rustc says so (never a wrong value).
 */
function settled(t: string): string {
  return t.replace(/\?/g, 'int');
}

/** Whether CPython's compiler folds this display into a constant (all items constants, no starred). */
function isConstantDisplay(e: Extract<TExpr, { kind: 'display' }>): boolean {
  return !e.starred.includes(true) && e.elts.every(isConstant);
}

function isConstant(e: TExpr): boolean {
  if (e.kind === 'literal' || e.kind === 'none') return true;
  return e.kind === 'display' && e.of === 'tuple' && isConstantDisplay(e);
}

/** A set display CPython folds into a frozenset constant when a `for` walks it. */
export function isFoldedSetDisplay(e: TExpr): boolean {
  return e.kind === 'display' && e.of === 'set' && e.elts.length > 0 && isConstantDisplay(e);
}

/** `enumerate(xs)` (with or without a start) of a list. */
export function isEnumerateOfList(e: TExpr): e is Extract<TExpr, { kind: 'op' }> {
  return e.kind === 'op' && e.op === 'builtin.enumerate' && e.args[0] !== null && e.args[0] !== undefined && headOf(e.args[0].type) === 'list';
}

/**
 * The items a `for` (statement or comprehension clause) walks: a set display
 * of constants there is folded by CPython into a frozenset constant, whose
 * order the loop follows.
 */
export function loopItemsOf(ctx: ValueContext, e: TExpr): string {
  if (isFoldedSetDisplay(e) && e.kind === 'display') {
    return `PyIterable::py_items(&set_display_const_iter(vec![${e.elts.map((x) => ctx.print(x).code).join(', ')}]))`;
  }
  return itemsOf(ctx, e);
}

/** The items of an iterable value as a `Vec`. */
export function itemsOf(ctx: ValueContext, e: TExpr): string {
  return `PyIterable::py_items(${ctx.ref(e)})`;
}

function args(ctx: ValueContext, nodes: (TExpr | null)[], type: string): OpArgs {
  const node = (i: number): TExpr | null => nodes[i] ?? null;
  return {
    type,
    node,
    has: (i) => node(i) !== null,
    v: (i) => ctx.print(node(i)!).code,
    r: (i) => ctx.ref(node(i)!),
    opt: (i) => (node(i) === null ? 'None' : `Some(${ctx.print(node(i)!).code})`),
    optRef: (i) => (node(i) === null ? 'None' : `Some(${ctx.ref(node(i)!)})`),
    items: (i) => itemsOf(ctx, node(i)!),
  };
}

export function printOp(ctx: ValueContext, name: string, nodes: (TExpr | null)[], type: string): string {
  const entry = OPS[name];
  if (!entry) throw new Error(`transpile: no Rust for the operation ${name}`);
  return entry(args(ctx, nodes, type));
}

export function printMethod(ctx: ValueContext, name: string, recv: TExpr, nodes: (TExpr | null)[], type: string): string {
  const entry = METHOD_OPS[name];
  if (!entry) throw new Error(`transpile: no Rust for the method ${name}`);
  return entry(args(ctx, [recv, ...nodes], type));
}

export function printDisplay(ctx: ValueContext, e: Extract<TExpr, { kind: 'display' }>): string {
  if (e.of === 'tuple' && !e.type.endsWith(', ...]') && !e.starred.includes(true)) {
    const parts = e.elts.map((x) => ctx.print(x).code);
    if (parts.length === 0) return 'Tuple0';
    return `(${parts.join(', ')}${parts.length === 1 ? ',' : ''})`;
  }
  const ctor = { list: 'List', set: 'Set', tuple: 'Tuple', frozenset: 'FrozenSet' }[e.of];
  // CPython folds a set display of more than two constants into a frozenset constant (iteration order differs).
  if (e.of === 'set' && e.elts.length > 2 && isConstantDisplay(e)) return `set_display_const(vec![${e.elts.map((x) => ctx.print(x).code).join(', ')}])`;
  if (!e.starred.includes(true)) {
    if (e.elts.length === 0) return `${ctor}::<${rustType(settled(iterItemOf(e.type)!))}>::from_vec(Vec::new())`;
    return `${ctor}::from_vec(vec![${e.elts.map((x) => ctx.print(x).code).join(', ')}])`;
  }
  const v = ctx.fresh('items');
  const pushes = e.elts.map((x, i) => (e.starred[i] ? `${v}.extend(${itemsOf(ctx, x)});` : `${v}.push(${ctx.print(x).code});`));
  return `${ctor}::from_vec({ let mut ${v} = Vec::new(); ${pushes.join(' ')} ${v} })`;
}

export function printDictDisplay(ctx: ValueContext, e: Extract<TExpr, { kind: 'dictDisplay' }>): string {
  if (e.keys.length === 0) return `${rustType(settled(e.type)).replace('<', '::<')}::new()`;
  const pairs = e.keys.map((k, i) => `(${ctx.print(k).code}, ${ctx.print(e.values[i]!).code})`);
  return `Dict::from_pairs(vec![${pairs.join(', ')}])`;
}

export function printIndex(ctx: ValueContext, e: Extract<TExpr, { kind: 'index' }>): string {
  const h = headOf(e.value.type);
  const i = ctx.print(e.index).code;
  switch (h) {
    case 'range':
      return `range_getitem(${ctx.ref(e.value)}, ${i})?`;
    case 'list':
      return `list_getitem(${ctx.ref(e.value)}, ${i})?`;
    case 'str':
      return `str_index(${ctx.ref(e.value)}, ${i})?`;
    case 'dict':
      return `dict_getitem(${ctx.ref(e.value)}, ${ctx.ref(e.index)})?`;
    case 'tuple': {
      if (tupleParts(e.value.type) && e.index.kind === 'literal' && e.index.type === 'int') {
        const field = `${ctx.ref(e.value)}.${e.index.value}`;
        return `(${field}).clone()`;
      }
      if (tupleParts(e.value.type)) return `tuple_getitem(&Tuple::from_vec(${itemsOf(ctx, e.value)}), ${i})?`;
      return `tuple_getitem(${ctx.ref(e.value)}, ${i})?`;
    }
    default:
      throw new Error(`transpile: indexing ${e.value.type}`);
  }
}

function optInt(ctx: ValueContext, x: TExpr | null): string {
  return x === null ? 'None' : `Some(${ctx.print(x).code})`;
}

export function printSlice(ctx: ValueContext, e: Extract<TExpr, { kind: 'slice' }>): string {
  const bounds = `${optInt(ctx, e.lower)}, ${optInt(ctx, e.upper)}, ${optInt(ctx, e.step)}`;
  switch (headOf(e.value.type)) {
    case 'list':
      return `list_getslice(${ctx.ref(e.value)}, ${bounds})?`;
    case 'str':
      return `str_slice(${ctx.ref(e.value)}, ${bounds})?`;
    case 'range':
      return `range_getslice(${ctx.ref(e.value)}, ${bounds})?`;
    default:
      return tupleParts(e.value.type)
        ? `tuple_getslice(&Tuple::from_vec(${itemsOf(ctx, e.value)}), ${bounds})?`
        : `tuple_getslice(${ctx.ref(e.value)}, ${bounds})?`;
  }
}

/** A Rust pattern (or statements) binding a target from a value; returns the `let` statements. */
export function bindTarget(ctx: ValueContext, t: Target, value: string, names: Map<string, string>): string {
  switch (t.kind) {
    case 'name': {
      const id = names.get(t.name) ?? ctx.fresh(t.name);
      names.set(t.name, id);
      return `let ${id}: ${rustType(t.type)} = ${value};`;
    }
    case 'unpack': {
      const parts = tupleParts(t.type);
      const tmp = ctx.fresh('item');
      if (parts && t.starred === null) {
        const inner = t.elts.map((x, i) => bindTarget(ctx, x, `${tmp}.${i}`, names));
        return `let ${tmp} = ${value}; ${inner.join(' ')}`;
      }
      // Any iterable: its items with CPython's length checks.
      const items = ctx.fresh('items');
      const n = t.elts.length;
      const check = t.starred === null ? `unpack_exact(${items}, ${n})?` : `unpack_starred(${items}, ${t.starred}, ${n - 1 - t.starred})?`;
      const inner = t.elts.map((x, i) => {
        if (i === t.starred) return bindTarget(ctx, x, `List::from_vec(${tmp}.1.clone())`, names);
        return bindTarget(ctx, x, `${tmp}.0[${i < (t.starred ?? n) ? i : i - 1}].clone()`, names);
      });
      return `let ${items} = PyIterable::py_items(&${value}); let ${tmp} = ${check}; ${inner.join(' ')}`;
    }
    default:
      throw new Error('transpile: comprehension targets are names or tuples');
  }
}

export function printComprehension(ctx: ValueContext, e: Extract<TExpr, { kind: 'comp' }>): string {
  const out = ctx.fresh('out');
  const names = new Map<string, string>();
  const open: string[] = [];
  const close: string[] = [];
  return ctx.withComprehensionNames(names, () => {
    e.clauses.forEach((c: CompClause) => {
      const item = ctx.fresh('x');
      const iter = loopItemsOf(ctx, c.iter);
      open.push(`for ${item} in ${iter} {`);
      open.push(bindTarget(ctx, c.target, item, names));
      close.push('}');
      for (const test of c.ifs) {
        open.push(`if ${ctx.print(test).code} {`);
        close.push('}');
      }
    });
    let push: string;
    if (e.of === 'dict') push = `${out}.push((${ctx.print(e.elt).code}, ${ctx.print(e.value!).code}));`;
    else push = `${out}.push(${ctx.print(e.elt).code});`;
    const ctor = e.of === 'dict' ? 'Dict::from_pairs' : e.of === 'set' ? 'Set::from_vec' : 'List::from_vec';
    return `{ let mut ${out} = Vec::new(); ${open.join(' ')} ${push} ${close.join(' ')} ${ctor}(${out}) }`;
  });
}

function formatValue(ctx: ValueContext, value: TExpr, conversion: 's' | 'r' | 'a' | null, spec: TExpr | null): string {
  const specCode = spec === null ? '""' : spec.kind === 'literal' && spec.type === 'str' ? rustStrLiteral(spec.value) : `${ctx.print(spec).code}.as_str()`;
  if (conversion === 'r') return spec === null ? `repr_string(${ctx.ref(value)})` : `format_str(&Str::from(repr_string(${ctx.ref(value)})), ${specCode})?.as_str().to_string()`;
  if (conversion === 's' && value.type !== 'str') return spec === null ? `str_string(${ctx.ref(value)})` : `format_str(&Str::from(str_string(${ctx.ref(value)})), ${specCode})?.as_str().to_string()`;
  switch (value.type) {
    case 'int':
      return spec === null ? `repr_int(${ctx.print(value).code})` : `format_int(${ctx.print(value).code}, ${specCode})?.as_str().to_string()`;
    case 'float':
      return `format_float(${ctx.print(value).code}, ${specCode})?.as_str().to_string()`;
    case 'bool':
      return `format_bool(${ctx.print(value).code}, ${specCode})?.as_str().to_string()`;
    case 'str':
      return spec === null ? `${ctx.ref(value)}.as_str().to_string()` : `format_str(${ctx.ref(value)}, ${specCode})?.as_str().to_string()`;
    default:
      if (value.type.startsWith('Optional[')) {
        // format(x, spec) of the value inside, or of None (TypeError for a non-empty spec).
        const x = ctx.fresh('x');
        const sp = ctx.fresh('spec');
        const v = ctx.fresh('v');
        return `{ let ${v} = ${ctx.ref(value)}; ${spec === null || spec.kind === 'literal' ? `let ${sp}: &str = ${specCode};` : `let ${sp}_text = ${ctx.print(spec).code}; let ${sp}: &str = ${sp}_text.as_str();`} match ${v} { Some(${x}) => ${formatRef(elementOf(value.type)!, x, sp)}, None => format_object("None", ${sp}, "NoneType")? } }`;
      }
      const members = unionParts(value.type);
      if (members && spec !== null) {
        // format(x, spec) of the member the union holds (containers area; rt union.rs).
        const x = ctx.fresh('x');
        const sp = ctx.fresh('spec');
        const v = ctx.fresh('v');
        const arms = members.map((m, i) => `Union${members.length}::${'ABCD'[i]}(${x}) => ${formatRef(m, x, sp)},`);
        return `{ let ${v} = ${ctx.ref(value)}; ${spec.kind === 'literal' ? `let ${sp}: &str = ${specCode};` : `let ${sp}_text = ${ctx.print(spec).code}; let ${sp}: &str = ${sp}_text.as_str();`} match ${v} { ${arms.join(' ')} } }`;
      }
      return spec === null ? `str_string(${ctx.ref(value)})` : `format_object(&str_string(${ctx.ref(value)}), ${specCode}, ${rustStrLiteral(pyClassName(value.type))})?`;
  }
}

/** `format(*x, spec)` as a String, for `x` a reference to a value of type `t`. */
function formatRef(t: string, x: string, spec: string): string {
  switch (t) {
    case 'int':
      return `format_int(*${x}, ${spec})?.as_str().to_string()`;
    case 'float':
      return `format_float(*${x}, ${spec})?.as_str().to_string()`;
    case 'bool':
      return `format_bool(*${x}, ${spec})?.as_str().to_string()`;
    case 'str':
      return `format_str(${x}, ${spec})?.as_str().to_string()`;
    default:
      return `format_object(&str_string(${x}), ${spec}, ${rustStrLiteral(pyClassName(t))})?`;
  }
}

export function printFString(ctx: ValueContext, e: Extract<TExpr, { kind: 'fstring' }>): string {
  const s = ctx.fresh('s');
  const pushes = e.parts.map((p) => ('text' in p ? `${s}.push_str(${rustStrLiteral(p.text)});` : `${s}.push_str(&${formatValue(ctx, p.value, p.conversion, p.spec)});`));
  return `{ let mut ${s} = String::new(); ${pushes.join(' ')} Str::from(${s}) }`;
}
