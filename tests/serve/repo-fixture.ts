/**
 * Builds a Triton model repository from tests/fixtures/triton/funcs.py with
 * the real compiler, one model per exported function, laid out the way
 * `portalis package --target triton` writes it: config.pbtxt (backend
 * portalis_wasm, batching, instance groups) and 1/model.wasm + 1/portalis.json.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModule } from '../../actors/src/index.js';

export const FUNCS_PY = fileURLToPath(new URL('../fixtures/triton/funcs.py', import.meta.url));

/** The time limit of the runaway `spin` model. */
export const SPIN_TIMEOUT_MS = 1000;

const CONFIG_TYPE = { int: 'TYPE_INT64', float: 'TYPE_FP64', bool: 'TYPE_BOOL' } as const;

export async function buildRepository(): Promise<string> {
  const result = await compileModule({ file: FUNCS_PY });
  if (!result.ok || !result.output) throw new Error(`funcs.py did not compile: ${JSON.stringify(result.diagnostics.map((d) => d.message))}`);
  const { spec, wasm } = result.output;
  const root = await mkdtemp(join(tmpdir(), 'portalis-serve-repo-'));
  for (const fn of spec.exports) {
    const dir = join(root, fn.name);
    await mkdir(join(dir, '1'), { recursive: true });
    const inputs = fn.params
      .map((p) => `  {\n    name: "${p.name}"\n    data_type: ${CONFIG_TYPE[p.type]}\n    dims: [ 1 ]\n  }`)
      .join(',\n');
    const config = `# ${fn.name}: generated for the serve tests
name: "${fn.name}"
backend: "portalis_wasm"
max_batch_size: 8
input [
${inputs}
]
output [
  {
    name: "OUTPUT0"
    data_type: ${CONFIG_TYPE[fn.returns as 'int']}
    dims: [ 1 ]
  }
]
instance_group [ { count: ${fn.name === 'spin' ? 2 : 1} kind: KIND_CPU } ]
dynamic_batching { }
parameters { key: "timeout_ms" value: { string_value: "${fn.name === 'spin' ? SPIN_TIMEOUT_MS : 10000}" } }
`;
    await writeFile(join(dir, 'config.pbtxt'), config);
    await writeFile(join(dir, '1', 'model.wasm'), wasm);
    await writeFile(join(dir, '1', 'portalis.json'), JSON.stringify({ portalis: 1, abiVersion: spec.abiVersion, model: fn.name, function: fn.name, wasm: 'model.wasm', spec }, null, 2));
  }
  return root;
}
