/**
 * `"...".format(...)` with a literal format string, parsed at compile time
 * the way CPython's str.format reads it (literal text with `{{`/`}}`,
 * replacement fields `{name!conv:spec}`, nested fields inside specs one level
 * deep, automatic and manual numbering, keyword fields), and lowered to an
 * f-string node. Attribute and index fields (`{0.x}`, `{0[1]}`) are refused.
 * A format string CPython would reject (`Single '}' encountered...`, an index
 * out of range, a missing keyword) is refused at compile time with CPython's
 * message, since the string is known.
 */
import type * as ast from '../ingest/ast.js';
import { lowerValue, type Scope } from './lower-expr.js';
import type { FStringExpr, TExpr } from './types.js';

/** One piece of a parsed format string. */
export type FormatItem = { readonly text: string } | { readonly field: FormatField };

export interface FormatField {
  /** The field name as written: `''`, `'0'`, `'name'`, `'0.x'`... */
  readonly name: string;
  /** The conversion character after `!`, or null. */
  readonly conversion: string | null;
  /** The spec, as pieces (nested fields already parsed). */
  readonly spec: readonly FormatItem[];
  /** The spec as written. */
  readonly specText: string;
}

/** A Python exception the format string raises, with CPython's message. */
export interface FormatError {
  readonly error: string;
  readonly message: string;
}

const valueError = (message: string): FormatError => ({ error: 'ValueError', message });

/**
 * CPython's MarkupIterator over `s`, with nested specs expanded (depth 2 at
 * the top, as str.format); `expand` false leaves specs as text
 * (`_string.formatter_parser`, for tests).
 */
export function parseFormat(s: string, depth = 2, expand = true): FormatItem[] | FormatError {
  if (depth <= 0) return valueError('Max string recursion exceeded');
  const chars = Array.from(s);
  const items: FormatItem[] = [];
  let i = 0;
  while (i < chars.length) {
    const start = i;
    let c = '';
    let markup = false;
    while (i < chars.length) {
      c = chars[i++]!;
      if (c === '{' || c === '}') {
        markup = true;
        break;
      }
    }
    const atEnd = i >= chars.length;
    let len = i - start;
    if (c === '}' && markup && (atEnd || chars[i] !== '}')) return valueError("Single '}' encountered in format string");
    if (atEnd && c === '{' && markup) return valueError("Single '{' encountered in format string");
    if (!atEnd && markup) {
      if (chars[i] === c) {
        i++;
        markup = false;
      } else {
        len--;
      }
    }
    if (len > 0) items.push({ text: chars.slice(start, start + len).join('') });
    if (!markup) continue;
    const field = parseField(chars, i, depth, expand);
    if ('error' in field) return field;
    items.push({ field: field.field });
    i = field.next;
  }
  return mergeText(items);
}

function mergeText(items: FormatItem[]): FormatItem[] {
  const out: FormatItem[] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    if ('text' in it && last && 'text' in last) out[out.length - 1] = { text: last.text + it.text };
    else out.push(it);
  }
  return out;
}

/** CPython's parse_field, from just after the opening `{`. */
function parseField(chars: string[], from: number, depth: number, expandSpecs: boolean): { field: FormatField; next: number } | FormatError {
  let i = from;
  let c = '';
  while (i < chars.length) {
    c = chars[i++]!;
    if (c === '{') return valueError("unexpected '{' in field name");
    if (c === '[') {
      while (i < chars.length && chars[i] !== ']') i++;
      continue;
    }
    if (c === '}' || c === ':' || c === '!') break;
  }
  if (c !== '}' && c !== ':' && c !== '!') return valueError("expected '}' before end of string");
  const name = chars.slice(from, i - 1).join('');
  if (c === '}') return { field: { name, conversion: null, spec: [], specText: '' }, next: i };
  let conversion: string | null = null;
  if (c === '!') {
    if (i >= chars.length) return valueError('end of string while looking for conversion specifier');
    conversion = chars[i++]!;
    if (i < chars.length) {
      const d = chars[i++]!;
      if (d === '}') return { field: { name, conversion, spec: [], specText: '' }, next: i };
      if (d !== ':') return valueError("expected ':' after conversion specifier");
    }
  }
  const specStart = i;
  let count = 1;
  let expand = false;
  while (i < chars.length) {
    const d = chars[i++]!;
    if (d === '{') {
      expand = true;
      count++;
    } else if (d === '}') {
      count--;
      if (count === 0) {
        const text = chars.slice(specStart, i - 1).join('');
        if (!expand || !expandSpecs) return { field: { name, conversion, spec: text === '' ? [] : [{ text }], specText: text }, next: i };
        const spec = parseFormat(text, depth - 1);
        if ('error' in spec) return spec;
        return { field: { name, conversion, spec, specText: text }, next: i };
      }
    }
  }
  return valueError("unmatched '{' in format spec");
}

/** A field resolved to an argument: a positional index or a keyword name. */
export type FieldRef = { readonly index: number } | { readonly keyword: string };

export type ResolvedItem = { readonly text: string } | { readonly ref: FieldRef; readonly conversion: 'r' | 's' | 'a' | null; readonly spec: readonly ResolvedItem[] };

/**
 * Numbers the fields as CPython does while it formats (automatic `{}` and
 * manual `{0}` do not mix; the outer field before its nested ones) and
 * checks conversions. Attribute and index parts are reported as unsupported.
 */
export function resolveFields(items: readonly FormatItem[], state: { auto: 'init' | 'auto' | 'manual'; next: number } = { auto: 'init', next: 0 }): ResolvedItem[] | FormatError | { readonly unsupported: string } {
  const out: ResolvedItem[] = [];
  for (const it of items) {
    if ('text' in it) {
      out.push(it);
      continue;
    }
    const f = it.field;
    const cut = f.name.search(/[.[]/);
    const first = cut < 0 ? f.name : f.name.slice(0, cut);
    const numeric = /^[0-9]+$/.test(first);
    const empty = first === '';
    if (empty || numeric) {
      if (state.auto === 'init') state.auto = empty ? 'auto' : 'manual';
      if (state.auto === 'manual' && empty) return valueError('cannot switch from manual field specification to automatic field numbering');
      if (state.auto === 'auto' && !empty) return valueError('cannot switch from automatic field numbering to manual field specification');
    }
    const ref: FieldRef = empty ? { index: state.next++ } : numeric ? { index: Number(first) } : { keyword: first };
    if (cut >= 0) return { unsupported: `the format field {${f.name}} reads an attribute or an item` };
    if (f.conversion !== null && f.conversion !== 'r' && f.conversion !== 's' && f.conversion !== 'a') {
      const code = f.conversion.codePointAt(0)!;
      return valueError(`Unknown conversion specifier ${code > 32 && code < 127 ? f.conversion : `\\x${code.toString(16)}`}`);
    }
    const spec = resolveFields(f.spec, state);
    if (!Array.isArray(spec)) return spec;
    out.push({ ref, conversion: f.conversion as 'r' | 's' | 'a' | null, spec });
  }
  return out;
}

/** Values with no effects and no exceptions: reading them again, or not at all, cannot be told apart. */
function isPlain(e: TExpr): boolean {
  switch (e.kind) {
    case 'literal':
    case 'local':
    case 'constant':
    case 'mathConst':
    case 'none':
      return true;
    case 'some':
      return isPlain(e.operand);
    case 'convert':
    case 'truth':
      return isPlain(e.operand);
    default:
      return false;
  }
}

/** The text of a literal str receiver, if it is one. */
function literalText(recv: TExpr): string | undefined {
  return recv.kind === 'literal' && recv.type === 'str' ? recv.value : undefined;
}

/** `"...".format(args)` → an f-string node; null after reporting. */
export function lowerStrFormat(recv: TExpr, e: ast.Call, scope: Scope): TExpr | null {
  const text = literalText(recv);
  if (text === undefined) {
    scope.report('PTL2002', e.func.range, 'str.format() is supported on a literal format string only', 'Write the format string in the call (`"{} {}".format(a, b)`), or use an f-string.');
    return null;
  }
  for (const kw of e.keywords) {
    if (kw.arg === null) {
      scope.report('PTL2010', kw.range, '`**` arguments are not supported');
      return null;
    }
  }
  const star = e.args.find((a) => a.type === 'Starred');
  if (star) {
    scope.report('PTL2002', star.range, '`*` arguments to str.format() are not supported');
    return null;
  }
  // Arguments are evaluated first, in the order written (positional, then keywords).
  const positional = e.args.map((a) => lowerValue(a, scope));
  const keywords = new Map<string, TExpr | null>();
  for (const kw of e.keywords) keywords.set(kw.arg!, lowerValue(kw.value, scope));
  if (positional.some((v) => v === null) || [...keywords.values()].some((v) => v === null)) return null;
  const parsed = parseFormat(text);
  const resolved = 'error' in parsed ? parsed : resolveFields(parsed);
  if (!Array.isArray(resolved)) {
    if ('unsupported' in resolved) scope.report('PTL2002', recv.kind === 'literal' ? e.func.range : e.range, `${resolved.unsupported}, which is not supported`, 'Read the attribute or item into a variable and format that.');
    else scope.report('PTL3003', e.func.range, `this format string raises ${resolved.error}: ${resolved.message}`);
    return null;
  }
  const order: (number | string)[] = [];
  let fail: string | null = null;
  const valueOf = (ref: FieldRef): TExpr | null => {
    if ('index' in ref) {
      const v = positional[ref.index];
      if (v === undefined) {
        fail ??= `IndexError: Replacement index ${ref.index} out of range for positional args tuple`;
        return null;
      }
      order.push(ref.index);
      return v;
    }
    const v = keywords.get(ref.keyword);
    if (v === undefined) {
      fail ??= `KeyError: '${ref.keyword.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
      return null;
    }
    order.push(ref.keyword);
    return v!;
  };
  let specBeforeLast = false;
  const lowerItems = (items: readonly ResolvedItem[]): FStringExpr['parts'][number][] => {
    const parts: FStringExpr['parts'][number][] = [];
    for (const it of items) {
      if ('text' in it) {
        parts.push({ text: it.text });
        continue;
      }
      const value = valueOf(it.ref);
      const specParts = lowerItems(it.spec);
      if (value === null) continue;
      if (it.conversion === 'a') {
        fail ??= 'the `!a` conversion (ascii()) is not supported';
        continue;
      }
      let spec: TExpr | null = null;
      if (specParts.length > 0) {
        spec = specParts.every((p) => 'text' in p) ? { kind: 'literal', type: 'str', value: specParts.map((p) => (p as { text: string }).text).join('') } : { kind: 'fstring', type: 'str', parts: specParts };
        specBeforeLast = true;
      }
      parts.push({ value, conversion: it.conversion, spec });
    }
    return parts;
  };
  const parts = lowerItems(resolved);
  if (fail !== null) {
    const f: string = fail;
    if (f.startsWith('the `!a`')) scope.report('PTL2007', e.func.range, f);
    else scope.report('PTL3003', e.func.range, `this call raises ${f}`, 'Pass an argument for every field of the format string.');
    return null;
  }
  // The fields read the arguments in the format string's order, possibly twice or not at all; that is
  // CPython's result only when the arguments with effects are each read once, in the order written,
  // before any field whose spec might raise.
  const all: { key: number | string; value: TExpr }[] = [...positional.map((v, i) => ({ key: i as number | string, value: v! })), ...[...keywords].map(([k, v]) => ({ key: k as number | string, value: v! }))];
  const effectful = all.filter((a) => !isPlain(a.value)).map((a) => a.key);
  if (effectful.length > 0) {
    const reads = order.filter((k) => effectful.includes(k));
    const inOrder = reads.length === effectful.length && reads.every((k, i) => k === effectful[i]);
    if (!inOrder || (specBeforeLast && effectful.length > 0 && !fieldsOfEffectsFirst(order, effectful))) {
      scope.report('PTL2002', e.range, 'str.format() arguments with calls or operations must each be used once, in order, before any field with a format spec', 'Assign the arguments to variables first, then format the variables.');
      return null;
    }
  }
  if (parts.every((p) => 'text' in p)) return { kind: 'literal', type: 'str', value: parts.map((p) => (p as { text: string }).text).join('') };
  return { kind: 'fstring', type: 'str', parts };
}

/**
 * Conservative: with specs present, every effectful argument must be read
 * before anything else is read (so no format can raise before an effect).
 */
function fieldsOfEffectsFirst(order: readonly (number | string)[], effectful: readonly (number | string)[]): boolean {
  return order.slice(0, effectful.length).every((k, i) => k === effectful[i]);
}
