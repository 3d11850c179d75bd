/**
 * The `kit` package target: `portalis package <file.py> --target kit -o <exts-dir> [--name N] [--bind JSON]...`
 *
 * Compiles one module, checks the bindings against its spec, and writes an
 * Omniverse Kit extension folder (extension-folder.ts) that
 * `kit --ext-folder <exts-dir> --enable <name>` loads. Nothing is written
 * when compilation fails or a binding does not fit.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { compileModule } from '../../compile.js';
import { formatDiagnostic } from '../../diagnostics/format.js';
import type { PackageTarget } from '../../cli/package-command.js';
import type { CliIO } from '../../cli/io.js';
import { bindingProblems } from './bindings-check.js';
import { KitOutputConflictError, writeExtensionFolder } from './extension-folder.js';
import { KIT_USAGE, KitUsageError, parseKitArgs, type KitOptions } from './options.js';

export async function runKit(inputs: string[], outDir: string, argv: string[], io: CliIO): Promise<number> {
  let options: KitOptions;
  let file: string;
  try {
    options = await parseKitArgs(argv);
    const files = [...inputs, ...options.inputs];
    if (files.length !== 1) throw new KitUsageError(`the kit target packages one .py file per extension, got ${files.length}`);
    file = files[0]!;
    const info = await stat(file).catch(() => null);
    if (!info || !info.isFile() || !file.endsWith('.py')) throw new KitUsageError(`not a .py file: ${file}`);
  } catch (error) {
    if (!(error instanceof KitUsageError)) throw error;
    io.stderr(`portalis package: ${error.message}\n${KIT_USAGE}\n`);
    return 2;
  }
  const result = await compileModule({ file }, { wasm: 'file' });
  for (const d of result.diagnostics) io.stderr(`${formatDiagnostic(d, result.source)}\n`);
  if (!result.ok || !result.output) {
    io.stderr('portalis package: nothing written\n');
    return 1;
  }
  const { spec, wasm } = result.output;
  const problems = bindingProblems(spec, options.bindings);
  if (problems.length) {
    for (const p of problems) io.stderr(`portalis package: ${p}\n`);
    io.stderr('portalis package: nothing written\n');
    return 1;
  }
  const name = options.name ?? `portalis.wasm.${spec.module}`;
  try {
    const written = await writeExtensionFolder(outDir, name, spec, wasm, options, basename(file));
    io.stderr(`packaged ${basename(file)} as Kit extension ${name} in ${written.root} (${options.bindings.length} binding(s)); enable with: kit --ext-folder ${outDir} --enable ${name}\n`);
    return 0;
  } catch (error) {
    if (error instanceof KitOutputConflictError) {
      io.stderr(`portalis package: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

export const kitTarget: PackageTarget = {
  summary: 'an Omniverse Kit extension (portalis.wasm) running the module in simulation callbacks',
  run: runKit,
};
