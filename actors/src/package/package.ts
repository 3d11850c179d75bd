/**
 * The package stage: a compiled module's spec and WASM bytes → an ES module
 * (`.js`), its declarations (`.d.ts`) and, in 'file' mode, the name of the
 * `.wasm` the caller writes next to the JS.
 *
 *   packageModule({ spec, wasm, options }) → { js, dts, wasmFileName }
 *
 * Inputs come from the spec and build stages; outputs go to the bundler
 * plugin and the CLI, and to the conformance stage, which imports the JS
 * (inline, bigint mode) to run the module the way users will. Throws only
 * for Portalis bugs or bad options: a spec that does not match the WASM, a
 * name JS cannot spell.
 */

import type { ModuleSpec } from '../spec/types.js';
import { SUPPORT_EXPORTS, WIRE_EXPORTS } from '../spec/types.js';
import { generateDts } from './dts.js';
import { generateGlue } from './glue.js';
import { planNames } from './plan.js';
import type { PackageInput, PackageOptions, PackageResult, ResolvedPackageOptions } from './types.js';

export type { PackageInput, PackageOptions, PackageResult, ResolvedPackageOptions } from './types.js';

export async function packageModule(input: PackageInput): Promise<PackageResult> {
  const { spec, wasm } = input;
  const options = resolvePackageOptions(spec, input.options);
  await checkWasmMatchesSpec(spec, wasm);
  const names = planNames(spec);
  const base64 = options.wasm === 'inline' ? encodeBase64(wasm) : null;
  return {
    js: generateGlue(spec, base64, names, options),
    dts: generateDts(spec, names, options),
    wasmFileName: options.wasm === 'file' ? options.wasmFileName : null,
  };
}

/** The only place package defaults live; rejects options it cannot honour. */
export function resolvePackageOptions(spec: ModuleSpec, options: PackageOptions = {}): ResolvedPackageOptions {
  const wasm = options.wasm ?? 'inline';
  const intMode = options.intMode ?? 'number';
  const runtimeImport = options.runtimeImport ?? '@portalis/runtime';
  const wasmFileName = options.wasmFileName ?? `${spec.module.replace(/[\\/'"`\u0000-\u001f\u007f\u2028\u2029]/g, '_')}.wasm`;
  if (wasm !== 'inline' && wasm !== 'file') throw new TypeError(`[portalis] package: options.wasm must be 'inline' or 'file', got ${JSON.stringify(wasm)}`);
  if (intMode !== 'number' && intMode !== 'bigint') {
    throw new TypeError(`[portalis] package: options.intMode must be 'number' or 'bigint', got ${JSON.stringify(intMode)}`);
  }
  if (typeof runtimeImport !== 'string' || runtimeImport === '') {
    throw new TypeError('[portalis] package: options.runtimeImport must be a non-empty module specifier');
  }
  // A relative path below the JS, free of quotes and backslashes, so that
  // `new URL('./<name>', import.meta.url)` stays a plain literal bundlers
  // recognise (and rewrite) and cannot point outside the output folder.
  const parts = wasmFileName.split('/');
  if (wasmFileName === '' || /[\\'"`\u0000-\u001f\u007f\u2028\u2029]/.test(wasmFileName) || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new TypeError(`[portalis] package: options.wasmFileName must be a relative path like 'fib.wasm', got ${JSON.stringify(wasmFileName)}`);
  }
  return { wasm, intMode, runtimeImport, wasmFileName };
}

/** Every export the spec names, user and support, must exist in the WASM as a function. */
async function checkWasmMatchesSpec(spec: ModuleSpec, wasm: Uint8Array): Promise<void> {
  if (spec.abiVersion !== 1 && spec.abiVersion !== 2) throw new Error(`package: ABI version ${String(spec.abiVersion)} is not supported`);
  if (spec.defaultExport !== null && !spec.exports.some((fn) => fn.name === spec.defaultExport)) {
    throw new Error(`package: default export ${spec.defaultExport} is not among the exports of ${spec.module}`);
  }
  if (spec.exports.some((fn) => fn.name === 'default')) {
    // `export { default_ as default }` would collide with the default export.
    throw new Error(`package: ${spec.module} exports a function named 'default', which a JS module cannot also export by name`);
  }
  const module = await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>);
  const kinds = new Map(WebAssembly.Module.exports(module).map((e) => [e.name, e.kind]));
  const required = [
    // A version-1 module needs only ABI 1's support exports (the wire buffers serve ABI 2 calls).
    ...SUPPORT_EXPORTS.map((f) => f.name).filter((name) => spec.abiVersion === 2 || !WIRE_EXPORTS.includes(name)),
    ...spec.exports.flatMap((fn) => (fn.wide ? [fn.wasm.name, fn.wide.name] : [fn.wasm.name])),
  ];
  const missing = required.filter((name) => kinds.get(name) !== 'function');
  if (kinds.get('memory') !== 'memory') missing.unshift('memory');
  if (missing.length > 0) throw new Error(`package: the WASM for ${spec.module} lacks exports its spec names: ${missing.join(', ')}`);
  for (const fn of spec.exports) {
    if (fn.boundary === 'wire') continue;
    const hasInt = fn.returns === 'int' || fn.params.some((p) => p.type === 'int');
    if (hasInt !== (fn.wide !== null)) throw new Error(`package: ${fn.name}() ${hasInt ? 'has ints but no' : 'has no ints but a'} wide export in its spec`);
  }
}

function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
