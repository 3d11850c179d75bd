/**
 * Checks a built module against its spec before anyone runs it.
 *
 * Parses the binary's header and its type, import, function and export
 * sections (LEB128 by hand, no WebAssembly API needed) and compares the
 * exported functions with the spec: every fast and wide export and every
 * support export (`SUPPORT_EXPORTS`) present with exactly the spec's
 * parameter and result types, no other function exported, `memory`
 * exported, and no imports (the glue instantiates with none). A mismatch is
 * a Portalis bug, reported by build.ts as PTL4003.
 */
import { SUPPORT_EXPORTS, type ModuleSpec, type WasmFunctionSpec, type WasmValType } from '../spec/types.js';

export interface WasmFuncType {
  readonly params: readonly string[];
  readonly results: readonly string[];
}

export interface WasmExport {
  readonly name: string;
  readonly kind: 'func' | 'table' | 'memory' | 'global' | 'tag';
  readonly index: number;
}

export interface WasmModuleInfo {
  readonly types: readonly WasmFuncType[];
  readonly imports: readonly { module: string; name: string; kind: number }[];
  /** Type index of each function, imported functions first (the function index space). */
  readonly functionTypes: readonly number[];
  readonly exports: readonly WasmExport[];
}

const VALTYPES: Record<number, string> = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref' };
const EXPORT_KINDS: WasmExport['kind'][] = ['func', 'table', 'memory', 'global', 'tag'];

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array, readonly end = bytes.length) {}

  byte(): number {
    if (this.pos >= this.end) throw new Error(`unexpected end of data at offset ${this.pos}`);
    return this.bytes[this.pos++]!;
  }

  /** Unsigned LEB128, at most 32 bits. */
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      if (shift === 28 && (b & 0x70) !== 0) throw new Error(`LEB128 value too large at offset ${this.pos - 1}`);
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 28) throw new Error(`LEB128 too long at offset ${this.pos}`);
    }
  }

  name(): string {
    const len = this.u32();
    if (this.pos + len > this.end) throw new Error(`name runs past its section at offset ${this.pos}`);
    const s = new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(this.pos, this.pos + len));
    this.pos += len;
    return s;
  }

  valtype(): string {
    const b = this.byte();
    const t = VALTYPES[b];
    if (!t) throw new Error(`unknown value type 0x${b.toString(16)} at offset ${this.pos - 1}`);
    return t;
  }

  limits(): void {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

/** Parses the sections the validator needs. Throws an Error describing the first malformation. */
export function parseWasm(bytes: Uint8Array): WasmModuleInfo {
  if (bytes.length < 8) throw new Error(`${bytes.length} bytes is too short for a WASM module`);
  const magic = [0x00, 0x61, 0x73, 0x6d];
  if (!magic.every((b, i) => bytes[i] === b)) throw new Error('missing the \\0asm magic number');
  const version = bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24);
  if (version !== 1) throw new Error(`WASM binary version ${version}, expected 1`);

  const types: WasmFuncType[] = [];
  const imports: { module: string; name: string; kind: number }[] = [];
  const functionTypes: number[] = [];
  const exports: WasmExport[] = [];
  const r = new Reader(bytes);
  r.pos = 8;
  while (r.pos < bytes.length) {
    const id = r.byte();
    const size = r.u32();
    const start = r.pos;
    const end = start + size;
    if (end > bytes.length) throw new Error(`section ${id} at offset ${start} runs past the end of the module`);
    const s = new Reader(bytes, end);
    s.pos = start;
    switch (id) {
      case 1: {
        for (let n = s.u32(); n > 0; n--) {
          const form = s.byte();
          if (form !== 0x60) throw new Error(`type form 0x${form.toString(16)} is not a function type`);
          const params = Array.from({ length: s.u32() }, () => s.valtype());
          const results = Array.from({ length: s.u32() }, () => s.valtype());
          types.push({ params, results });
        }
        break;
      }
      case 2: {
        for (let n = s.u32(); n > 0; n--) {
          const module = s.name();
          const name = s.name();
          const kind = s.byte();
          if (kind === 0) functionTypes.push(s.u32());
          else if (kind === 1) {
            s.byte();
            s.limits();
          } else if (kind === 2) s.limits();
          else if (kind === 3) {
            s.valtype();
            s.byte();
          } else throw new Error(`unknown import kind ${kind}`);
          imports.push({ module, name, kind });
        }
        break;
      }
      case 3: {
        for (let n = s.u32(); n > 0; n--) functionTypes.push(s.u32());
        break;
      }
      case 7: {
        for (let n = s.u32(); n > 0; n--) {
          const name = s.name();
          const kind = EXPORT_KINDS[s.byte()];
          if (!kind) throw new Error(`unknown export kind for ${name}`);
          exports.push({ name, kind, index: s.u32() });
        }
        break;
      }
      default:
        s.pos = end;
    }
    if (s.pos !== end) throw new Error(`section ${id} at offset ${start}: parsed ${s.pos - start} of ${size} bytes`);
    r.pos = end;
  }
  return { types, imports, functionTypes, exports };
}

/** The function exports a module built for `spec` must have, support exports included. */
export function expectedFunctionExports(spec: ModuleSpec): WasmFunctionSpec[] {
  const out: WasmFunctionSpec[] = [];
  for (const e of spec.exports) {
    out.push(e.wasm);
    if (e.wide) out.push(e.wide);
  }
  out.push(...SUPPORT_EXPORTS);
  if (spec.script) out.push(spec.script.entry);
  return out;
}

const signature = (params: readonly string[], results: readonly string[]): string => `(${params.join(', ')}) -> (${results.join(', ')})`;

/** Every way `bytes` differs from what `spec` promises; empty when it matches. */
export function validateWasm(bytes: Uint8Array, spec: ModuleSpec): string[] {
  let info: WasmModuleInfo;
  try {
    info = parseWasm(bytes);
  } catch (err) {
    return [`malformed WASM: ${(err as Error).message}`];
  }
  const problems: string[] = [];
  let funcImport = 0;
  for (const imp of info.imports) {
    // Script mode (docs/abi.md) may import its host functions, with the spec's types; library modules import nothing.
    const host = imp.kind === 0 ? spec.script?.imports.find((h) => h.module === imp.module && h.name === imp.name) : undefined;
    if (!host) problems.push(`imports ${imp.module}.${imp.name}, but Portalis modules must have no imports`);
    else {
      const got = info.types[info.functionTypes[funcImport]!];
      if (!got || !sameTypes(got.params, host.params) || !sameTypes(got.results, host.results)) {
        const have = got ? signature(got.params, got.results) : 'no type';
        problems.push(`import ${imp.module}.${imp.name} has type ${have}, the spec says ${signature(host.params, host.results)}`);
      }
    }
    if (imp.kind === 0) funcImport++;
  }

  const funcs = new Map<string, WasmFuncType | undefined>();
  for (const ex of info.exports) {
    if (ex.kind !== 'func') continue;
    const typeIndex = info.functionTypes[ex.index];
    funcs.set(ex.name, typeIndex === undefined ? undefined : info.types[typeIndex]);
  }
  const expected = expectedFunctionExports(spec);
  const expectedNames = new Set<string>();
  for (const want of expected) {
    expectedNames.add(want.name);
    if (!funcs.has(want.name)) {
      problems.push(`missing export ${want.name}: ${signature(want.params, want.results)}`);
      continue;
    }
    const got = funcs.get(want.name);
    if (!got) {
      problems.push(`export ${want.name} refers to a function with no type`);
    } else if (!sameTypes(got.params, want.params) || !sameTypes(got.results, want.results)) {
      problems.push(
        `export ${want.name} has type ${signature(got.params, got.results)}, the spec says ${signature(want.params, want.results)}`,
      );
    }
  }
  for (const name of funcs.keys()) {
    if (!expectedNames.has(name)) problems.push(`unexpected function export ${name}`);
  }
  if (!info.exports.some((e) => e.name === 'memory' && e.kind === 'memory')) problems.push('memory is not exported');
  return problems;
}

function sameTypes(a: readonly string[], b: readonly WasmValType[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
