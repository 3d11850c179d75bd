/**
 * The glue of a 'wire' export (docs/abi.md, "Values in linear memory"):
 * straight-line JS, generated from the parameter and result types, that
 *
 *  1. checks each argument's container shape and adds up an upper bound of
 *     its encoded size (a str counts 3 bytes per UTF-16 unit, its most),
 *  2. asks the module for an input buffer of that size
 *     (`wasm.wireInput`, which calls `__portalis_alloc` and points bounded
 *     `DataView`/`Uint8Array` views at it, so a bad bound throws rather
 *     than writes past the buffer),
 *  3. encodes every argument into it, checking each leaf value's type as
 *     it goes (TypeError, or RangeError for an int out of range, naming the
 *     argument and the item: `f() argument 'xs' item [3] must be float`),
 *  4. calls `f__w(ptr, len)`, reads the state word like every export,
 *  5. decodes the result from the module's result buffer (`wasm.wireResult`).
 *
 * Generated locals start with `$`, which no Python name contains, so they
 * never meet a parameter. Nothing interprets a type at call time.
 */

import { fixedSize, parseBoundaryType, printBoundaryType, type BoundaryType } from '../spec/boundary-type.js';
import type { ExportSpec } from '../spec/types.js';
import { jsString } from './names.js';

/** The runtime helpers wire glue may import (see runtime/src/wire.ts). */
export const WIRE_GLUE_NAMES = ['wireTypeError', 'wireIntError', 'wireBigint', 'wireInt', 'wireReadStr', 'wireWriteStr', 'I64_MIN', 'I64_MAX'] as const;

interface Gen {
  readonly fn: string;
  readonly bigint: boolean;
  readonly helpers: Set<string>;
  next: number;
}

function fresh(g: Gen, base: string): string {
  return `$${base}${g.next++}`;
}

/** A path inside an argument, as template-literal text (`[${$i1}]<key ${$j2}>`). */
type Path = string;

function what(t: BoundaryType): string {
  const name = printBoundaryType(t);
  switch (t.k) {
    case 'int':
      return 'int';
    case 'float':
      return 'float (a number)';
    case 'bool':
      return 'bool (a boolean)';
    case 'str':
      return 'str (a string)';
    case 'None':
      return 'None (null)';
    case 'list':
    case 'tupleN':
      return `${name} (an array)`;
    case 'tuple':
      return `${name} (an array of ${t.elts.length})`;
    case 'set':
    case 'frozenset':
      return `${name} (a Set)`;
    case 'dict':
      return `${name} (a Map)`;
    case 'Optional':
      return name;
  }
}

function typeError(g: Gen, value: string, param: string, path: Path, t: BoundaryType): string {
  g.helpers.add('wireTypeError');
  return `throw wireTypeError(${value}, ${jsString(g.fn)}, ${jsString(param)}, \`${path}\`, ${jsString(what(t))});`;
}

/** The container test (no leaf checks: those happen while encoding). */
function shapeTest(t: BoundaryType, v: string): string | null {
  switch (t.k) {
    case 'list':
    case 'tupleN':
      return `!Array.isArray(${v})`;
    case 'tuple':
      return `!Array.isArray(${v}) || ${v}.length !== ${t.elts.length}`;
    case 'set':
    case 'frozenset':
      return `!(${v} instanceof Set)`;
    case 'dict':
      return `!(${v} instanceof Map)`;
    case 'str':
      return `typeof ${v} !== 'string'`;
    default:
      return null;
  }
}

// ── size pass ─────────────────────────────────────────────────────────────

/** Statements adding an upper bound of `v`'s encoded size to `$size`, checking the shapes it walks. */
function sizeOf(g: Gen, t: BoundaryType, v: string, param: string, path: Path): string[] {
  const fixed = fixedSize(t);
  if (fixed !== null) return fixed === 0 ? [] : [`$size += ${fixed};`];
  const test = shapeTest(t, v);
  const check = test ? [`if (${test}) ${typeError(g, v, param, path, t)}`] : [];
  switch (t.k) {
    case 'str':
      return [...check, `$size += 4 + 3 * ${v}.length;`];
    case 'Optional':
      return ['$size += 1;', `if (${v} !== null && ${v} !== undefined) {`, ...indent(sizeOf(g, t.e, v, param, path)), '}'];
    case 'list':
    case 'tupleN':
    case 'set':
    case 'frozenset': {
      const ef = fixedSize(t.e);
      const count = t.k === 'list' || t.k === 'tupleN' ? `${v}.length` : `${v}.size`;
      if (ef !== null) return [...check, `$size += 4 + ${ef} * ${count};`];
      const i = fresh(g, 'i');
      const e = fresh(g, 'e');
      const head = t.k === 'list' || t.k === 'tupleN' ? `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {` : `let ${i} = 0;\nfor (const ${e} of ${v}) {`;
      const body = t.k === 'list' || t.k === 'tupleN' ? [`const ${e} = ${v}[${i}];`] : [];
      const inc = t.k === 'list' || t.k === 'tupleN' ? [] : [`${i}++;`];
      return [...check, '$size += 4;', ...head.split('\n'), ...indent([...body, ...sizeOf(g, t.e, e, param, `${path}[\${${i}}]`), ...inc]), '}'];
    }
    case 'dict': {
      const kf = fixedSize(t.key);
      const vf = fixedSize(t.value);
      if (kf !== null && vf !== null) return [...check, `$size += 4 + ${kf + vf} * ${v}.size;`];
      const i = fresh(g, 'i');
      const k = fresh(g, 'k');
      const val = fresh(g, 'v');
      return [
        ...check,
        '$size += 4;',
        `let ${i} = 0;`,
        `for (const [${k}, ${val}] of ${v}) {`,
        ...indent([...sizeOf(g, t.key, k, param, `${path}<key \${${i}}>`), ...sizeOf(g, t.value, val, param, `${path}<value \${${i}}>`), `${i}++;`]),
        '}',
      ];
    }
    case 'tuple':
      return [...check, ...t.elts.flatMap((e, n) => sizeOf(g, e, `${v}[${n}]`, param, `${path}[${n}]`))];
    default:
      throw new Error(`package: no size for ${printBoundaryType(t)}`);
  }
}

// ── encoding ──────────────────────────────────────────────────────────────

/** Statements writing `v` at `$at` and advancing it; `v` is a local the statements may reassign only when `mutable`. */
function encode(g: Gen, t: BoundaryType, v: string, param: string, path: Path): string[] {
  switch (t.k) {
    case 'int':
      if (g.bigint) {
        g.helpers.add('wireBigint').add('I64_MIN').add('I64_MAX');
        const b = fresh(g, 'b');
        return [
          `let ${b} = ${v};`,
          `if (typeof ${b} !== 'bigint' || ${b} < I64_MIN || ${b} > I64_MAX) ${b} = wireBigint(${b}, ${jsString(g.fn)}, ${jsString(param)}, \`${path}\`);`,
          `$dv.setBigInt64($at, ${b}, true);`,
          '$at += 8;',
        ];
      }
      g.helpers.add('wireIntError');
      return [
        `if (!Number.isSafeInteger(${v})) throw wireIntError(${v}, ${jsString(g.fn)}, ${jsString(param)}, \`${path}\`);`,
        `$dv.setUint32($at, ${v} >>> 0, true);`,
        `$dv.setInt32($at + 4, (${v} | 0) === ${v} ? ${v} >> 31 : Math.floor(${v} / 4294967296), true);`,
        '$at += 8;',
      ];
    case 'float':
      return [`if (typeof ${v} !== 'number') ${typeError(g, v, param, path, t)}`, `$dv.setFloat64($at, ${v}, true);`, '$at += 8;'];
    case 'bool':
      return [`if (typeof ${v} !== 'boolean') ${typeError(g, v, param, path, t)}`, `$u8[$at++] = ${v} ? 1 : 0;`];
    case 'None':
      return [`if (${v} !== null && ${v} !== undefined) ${typeError(g, v, param, path, t)}`];
    case 'str':
      g.helpers.add('wireWriteStr');
      return [`if (typeof ${v} !== 'string') ${typeError(g, v, param, path, t)}`, `$at = wireWriteStr($u8, $dv, $at, ${v});`];
    case 'Optional':
      return [`if (${v} === null || ${v} === undefined) {`, '  $u8[$at++] = 0;', '} else {', '  $u8[$at++] = 1;', ...indent(encode(g, t.e, v, param, path)), '}'];
    case 'list':
    case 'tupleN': {
      const n = fresh(g, 'n');
      const i = fresh(g, 'i');
      const e = fresh(g, 'e');
      return [
        `if (${shapeTest(t, v)}) ${typeError(g, v, param, path, t)}`,
        `const ${n} = ${v}.length;`,
        `$dv.setUint32($at, ${n}, true);`,
        '$at += 4;',
        `for (let ${i} = 0; ${i} < ${n}; ${i}++) {`,
        ...indent([`const ${e} = ${v}[${i}];`, ...encode(g, t.e, e, param, `${path}[\${${i}}]`)]),
        '}',
      ];
    }
    case 'set':
    case 'frozenset': {
      const i = fresh(g, 'i');
      const e = fresh(g, 'e');
      return [
        `if (${shapeTest(t, v)}) ${typeError(g, v, param, path, t)}`,
        `$dv.setUint32($at, ${v}.size, true);`,
        '$at += 4;',
        `let ${i} = 0;`,
        `for (const ${e} of ${v}) {`,
        ...indent([...encode(g, t.e, e, param, `${path}[\${${i}}]`), `${i}++;`]),
        '}',
      ];
    }
    case 'dict': {
      const i = fresh(g, 'i');
      const k = fresh(g, 'k');
      const val = fresh(g, 'v');
      return [
        `if (${shapeTest(t, v)}) ${typeError(g, v, param, path, t)}`,
        `$dv.setUint32($at, ${v}.size, true);`,
        '$at += 4;',
        `let ${i} = 0;`,
        `for (const [${k}, ${val}] of ${v}) {`,
        ...indent([...encode(g, t.key, k, param, `${path}<key \${${i}}>`), ...encode(g, t.value, val, param, `${path}<value \${${i}}>`), `${i}++;`]),
        '}',
      ];
    }
    case 'tuple': {
      const out = [`if (${shapeTest(t, v)}) ${typeError(g, v, param, path, t)}`];
      t.elts.forEach((e, n) => {
        const f = fresh(g, 'f');
        out.push(`const ${f} = ${v}[${n}];`, ...encode(g, e, f, param, `${path}[${n}]`));
      });
      return out;
    }
  }
}

// ── decoding ──────────────────────────────────────────────────────────────

/** Statements reading one value at `$at`, advancing it, and handing the value to `use` (an expression → a statement). */
function decode(g: Gen, t: BoundaryType, use: (expr: string) => string): string[] {
  switch (t.k) {
    case 'int':
      if (g.bigint) return [use('$dv.getBigInt64($at, true)'), '$at += 8;'];
      g.helpers.add('wireInt');
      {
        // An int32 (the high word is the low word's sign) is the low word itself, a small integer to
        // the engine; the helper reads the rest and checks that it is safe.
        const lo = fresh(g, 'l');
        return [
          `const ${lo} = $dv.getInt32($at, true);`,
          use(`$dv.getInt32($at + 4, true) === ${lo} >> 31 ? ${lo} : wireInt($dv, $at, ${jsString(g.fn)})`),
          '$at += 8;',
        ];
      }
    case 'float':
      return [use('$dv.getFloat64($at, true)'), '$at += 8;'];
    case 'bool':
      return [use('$u8[$at++] !== 0')];
    case 'None':
      return [use('null')];
    case 'str': {
      g.helpers.add('wireReadStr');
      const n = fresh(g, 'n');
      return [`const ${n} = $dv.getUint32($at, true);`, '$at += 4;', use(`wireReadStr($u8, $at, ${n})`), `$at += ${n};`];
    }
    case 'Optional':
      return ['if ($u8[$at++] === 0) {', `  ${use('null')}`, '} else {', ...indent(decode(g, t.e, use)), '}'];
    case 'list':
    case 'tupleN':
    case 'set':
    case 'frozenset': {
      const n = fresh(g, 'n');
      const i = fresh(g, 'i');
      const c = fresh(g, 'c');
      const list = t.k === 'list' || t.k === 'tupleN';
      return [
        '{',
        ...indent([
          `const ${n} = $dv.getUint32($at, true);`,
          '$at += 4;',
          // An array made at its length and filled by index is about twice as fast to build as one grown by push.
          `const ${c} = ${list ? `new Array(${n})` : 'new Set()'};`,
          `for (let ${i} = 0; ${i} < ${n}; ${i}++) {`,
          ...indent(decode(g, t.e, (e) => (list ? `${c}[${i}] = ${e};` : `${c}.add(${e});`))),
          '}',
          use(c),
        ]),
        '}',
      ];
    }
    case 'dict': {
      const n = fresh(g, 'n');
      const i = fresh(g, 'i');
      const c = fresh(g, 'c');
      const k = fresh(g, 'k');
      return [
        '{',
        ...indent([
          `const ${n} = $dv.getUint32($at, true);`,
          '$at += 4;',
          `const ${c} = new Map();`,
          `for (let ${i} = 0; ${i} < ${n}; ${i}++) {`,
          ...indent([`let ${k};`, ...decode(g, t.key, (e) => `${k} = ${e};`), ...decode(g, t.value, (e) => `${c}.set(${k}, ${e});`)]),
          '}',
          use(c),
        ]),
        '}',
      ];
    }
    case 'tuple': {
      const fields = t.elts.map(() => fresh(g, 'f'));
      return [
        '{',
        ...indent([
          ...(fields.length > 0 ? [`let ${fields.join(', ')};`] : []),
          ...t.elts.flatMap((e, n) => decode(g, e, (x) => `${fields[n]} = ${x};`)),
          use(`[${fields.join(', ')}]`),
        ]),
        '}',
      ];
    }
  }
}

function indent(lines: string[]): string[] {
  return lines.map((l) => `  ${l}`);
}

/**
 * The body of a 'wire' export's JS function (without the `function` line and
 * its closing brace): `args` are the JS names of the parameters, `target`
 * the `__w` export's name.
 */
export function wireFunctionBody(fn: ExportSpec, args: readonly string[], bigint: boolean, helpers: Set<string>): string[] {
  const g: Gen = { fn: fn.name, bigint, helpers, next: 1 };
  const types = fn.params.map((p) => parseBoundaryType(p.type));
  const lines: string[] = ['let $size = 0;'];
  types.forEach((t, i) => lines.push(...sizeOf(g, t, args[i]!, fn.params[i]!.name, '')));
  lines.push('const $ptr = wasm.wireInput($size);', 'let $dv = wasm.wireView;', 'let $u8 = wasm.wireBytes;', 'let $at = 0;');
  types.forEach((t, i) => lines.push(...encode(g, t, args[i]!, fn.params[i]!.name, '')));
  const member = /^[A-Za-z_$][\w$]*$/.test(fn.wasm.name) ? `.${fn.wasm.name}` : `[${jsString(fn.wasm.name)}]`;
  // Getters can make a value encode longer than it measured; the bounded views keep writes inside the buffer, and this keeps the call out.
  lines.push(`if ($at > $size) wasm.wireChanged(${jsString(fn.name)});`);
  lines.push(
    'try {',
    `  wasm.exports${member}($ptr, $at);`,
    '} catch (error) {',
    `  throw wasm.trapped(error, ${jsString(fn.name)});`,
    '}',
    `if (wasm.state[wasm.stateIndex] !== 0) wasm.takeState(${jsString(fn.name)});`,
  );
  if (fn.returns !== 'None') {
    const t = parseBoundaryType(fn.returns);
    lines.push('const $len = wasm.wireResult();', '$dv = wasm.wireView;', '$u8 = wasm.wireBytes;', '$at = 0;', 'let result;');
    lines.push(...decode(g, t, (e) => `result = ${e};`));
    lines.push(`if ($at !== $len) wasm.wireMismatch(${jsString(fn.name)}, $at, $len);`, 'return result;');
  }
  return lines;
}
