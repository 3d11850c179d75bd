/**
 * Loading a Triton model repository written by `portalis package --target
 * triton`: `<repo>/<model>/config.pbtxt`, numeric version directories, and in
 * the served version `model.wasm` plus `portalis.json` (the ModuleSpec, the
 * function the model serves and its output names).
 *
 * Every model directory gives either a ready model or an unavailable one with
 * a reason (shown by RepositoryIndex); a broken model never stops the others.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTextFormat } from './pbtxt.js';
import { configTypeToDatatype, type Datatype } from './tensor.js';
import { DATA_TYPES, ModelConfig } from './wire/messages.js';
import type { Msg } from './wire/codec.js';

export type PyScalar = 'int' | 'float' | 'bool';

export interface TensorSpec {
  readonly name: string;
  readonly datatype: Datatype;
  readonly dims: readonly number[];
}

/** What a worker needs to call the served function (structured-clonable). */
export interface FunctionPlan {
  /** The Python name. */
  readonly name: string;
  /** The WASM export called: `<name>__wide` when it exists (ints as i64), else `<name>`. */
  readonly exportName: string;
  readonly params: readonly PyScalar[];
  readonly returns: PyScalar | 'None';
  /** For each parameter, the index of the config input that feeds it. */
  readonly inputIndex: readonly number[];
}

export interface Model {
  readonly name: string;
  readonly version: string;
  readonly versions: readonly string[];
  /** The parsed config.pbtxt, in the ModelConfig message shape. */
  readonly config: Msg;
  readonly platform: string;
  readonly maxBatchSize: number;
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
  readonly instanceCount: number;
  readonly wasm: Uint8Array;
  readonly plan: FunctionPlan;
  /** A per-request limit from the config's parameters, if any. */
  readonly timeoutMs: number | null;
}

export interface ModelEntry {
  readonly name: string;
  readonly version: string;
  readonly model: Model | null;
  /** Why the model is not ready. */
  readonly reason: string;
}

interface SpecExport {
  name: string;
  params: { name: string; type: PyScalar }[];
  returns: PyScalar | 'None';
  wide: { name: string } | null;
}

/** Loads every model directory of `root`. */
export async function loadRepository(root: string): Promise<ModelEntry[]> {
  const names = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort();
  return Promise.all(
    names.map(async (name) => {
      try {
        const model = await loadModel(join(root, name), name);
        return { name, version: model.version, model, reason: '' };
      } catch (error) {
        return { name, version: '', model: null, reason: (error as Error).message };
      }
    }),
  );
}

export async function loadModel(dir: string, name: string): Promise<Model> {
  const config = parseTextFormat(ModelConfig, await readFile(join(dir, 'config.pbtxt'), 'utf8'));
  if (config.name && config.name !== name) throw new Error(`config name '${config.name}' does not match the directory name '${name}'`);
  config.name = name;
  const versions = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && /^[1-9]\d*$/.test(d.name))
    .map((d) => d.name)
    .sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0) throw new Error('no numeric version directory');
  const version = versions[versions.length - 1]!;
  const vdir = join(dir, version);
  const wasmFile = join(vdir, config.default_model_filename || 'model.wasm');
  await stat(wasmFile);
  const wasm = new Uint8Array(await readFile(wasmFile));
  const meta = JSON.parse(await readFile(join(vdir, 'portalis.json'), 'utf8')) as Record<string, unknown>;

  const tensors = (list: Msg[], what: string): TensorSpec[] =>
    list.map((t) => {
      const datatype = configTypeToDatatype(DATA_TYPES[t.data_type] ?? 'TYPE_INVALID');
      if (!datatype) throw new Error(`${what} '${t.name}' has an invalid data_type`);
      if (t.dims.length === 0) throw new Error(`${what} '${t.name}' must have dims`);
      return { name: t.name as string, datatype, dims: t.dims as number[] };
    });
  const inputs = tensors(config.input, 'input');
  const outputs = tensors(config.output, 'output');
  const plan = planFunction(meta, inputs, name);
  checkModule(wasm, plan);
  const groups: Msg[] = config.instance_group;
  const instanceCount = groups.length === 0 ? 1 : groups.reduce((n, g) => n + Math.max(1, g.count || 1), 0);
  const platform = config.platform || config.backend;
  let timeoutMs: number | null = null;
  for (const [key, value] of Object.entries(config.parameters as Record<string, Msg>)) {
    if (/timeout_ms$/i.test(key) && /^\d+$/.test(value.string_value)) timeoutMs = Number(value.string_value);
  }
  return { name, version, versions: [version], config, platform, maxBatchSize: config.max_batch_size, inputs, outputs, instanceCount, wasm, plan, timeoutMs };
}

/** Compiles the module once here so a broken file makes the model unavailable instead of failing every worker. */
function checkModule(wasm: Uint8Array, plan: FunctionPlan): void {
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>);
  } catch (e) {
    throw new Error(`model.wasm is not a valid WebAssembly module: ${(e as Error).message}`);
  }
  const imports = WebAssembly.Module.imports(module);
  if (imports.length > 0) throw new Error(`model.wasm imports ${imports[0]!.module}.${imports[0]!.name}; a Portalis module (ABI 1) has no imports`);
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  const needed = ['memory', '__portalis_state_ptr', '__portalis_error_ptr', '__portalis_error_len', '__portalis_clear', plan.exportName];
  const missing = needed.filter((n) => !exported.has(n));
  if (missing.length > 0) throw new Error(`model.wasm is not a Portalis module for ${plan.name}(): missing export(s) ${missing.join(', ')}`);
}

/** Finds the served function in portalis.json and matches its parameters to the config's inputs. */
function planFunction(meta: Record<string, unknown>, inputs: TensorSpec[], modelName: string): FunctionPlan {
  const spec = ([meta.spec, meta.module, meta].find((x) => Array.isArray((x as { exports?: unknown } | undefined)?.exports)) ?? {}) as { exports?: SpecExport[] };
  const exports = spec.exports ?? [];
  const fnName = [meta.function, meta.fn, meta.export, meta.serves, (meta.function as { name?: string } | undefined)?.name].find((x) => typeof x === 'string') as string | undefined;
  const fn = exports.find((e) => e.name === (fnName ?? modelName)) ?? (exports.length === 1 ? exports[0] : undefined);
  if (!fn) throw new Error(`portalis.json does not name the served function`);
  if (fn.params.length !== inputs.length) throw new Error(`${fn.name}() takes ${fn.params.length} arguments but the config has ${inputs.length} inputs`);
  const byName = fn.params.every((p) => inputs.some((i) => i.name === p.name));
  const inputIndex = fn.params.map((p, k) => (byName ? inputs.findIndex((i) => i.name === p.name) : k));
  fn.params.forEach((p, k) => {
    const input = inputs[inputIndex[k]!]!;
    const ok = p.type === 'bool' ? input.datatype === 'BOOL' : p.type === 'float' ? /^FP(32|64)$/.test(input.datatype) : /^U?INT(8|16|32|64)$/.test(input.datatype);
    if (!ok) throw new Error(`input '${input.name}' is ${input.datatype}, which cannot carry the ${p.type} argument '${p.name}'`);
  });
  return { name: fn.name, exportName: fn.wide ? fn.wide.name : fn.name, params: fn.params.map((p) => p.type), returns: fn.returns, inputIndex };
}
