/** `docs/README.md` of a packaged extension: what it runs, its bindings, how to enable it. */
import type { ModuleSpec } from '../../spec/types.js';
import type { KitOptions } from './options.js';

export function extensionReadme(name: string, spec: ModuleSpec, options: KitOptions, sourceFile: string): string {
  const fns = spec.exports.map((e) => {
    const signature = `${e.name}(${e.params.map((p) => `${p.name}: ${p.type}`).join(', ')}) -> ${e.returns}`;
    return `- \`${signature}\`${e.doc ? `: ${e.doc.split('\n')[0]}` : ''}`;
  });
  const bindings = options.bindings.length
    ? options.bindings.map(
        (b) =>
          `- \`${b.function}\` on \`${b.event ?? 'physics_step'}\`${b.prims ? ` for each prim matching \`${b.prims}\`` : ''}: ` +
          `inputs ${JSON.stringify(b.inputs ?? [])}${b.output ? `, result to \`${b.output}\`` : ''}`,
      )
    : ['- none (add `[[settings.exts."' + name + '".bindings]]` tables to config/extension.toml)'];
  return [
    `# ${name}`,
    '',
    `Runs \`${sourceFile}\` (module \`${spec.module}\`, version ${options.version}), compiled to WebAssembly by Portalis,`,
    'inside Omniverse Kit through the `portalis.wasm` extension runtime and wasmtime-py.',
    '',
    '## Enable',
    '',
    '```',
    `kit --ext-folder <folder holding ${name}/> --enable ${name}`,
    '```',
    '',
    'wasmtime-py is installed through `[python.pipapi]` at enable time (needs the network once);',
    'prebundle it into `vendor/` for offline or production apps.',
    '',
    '## Functions',
    '',
    ...fns,
    '',
    '## Bindings',
    '',
    ...bindings,
    '',
    'The binding schema is documented in the Portalis repository, `kit-extension/README.md`.',
    'One call returns one scalar, so each binding writes at most one value per prim;',
    'several bindings on one event run in the order listed.',
    '',
  ].join('\n');
}
