/**
 * The `triton` package target: `portalis package <file.py | dir>... --target triton -o <repo> [options]`.
 *
 * Compiles each module, makes one Triton model per exported function (model
 * name = function name; the same name from two files is an error), skips the
 * functions Triton cannot serve with a message saying why, and writes the
 * model repository (model-repo.ts) and, with `--k8s`, a manifest (k8s.ts).
 * Nothing is written when a module fails to compile or names collide.
 */
import { readdir, stat, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { compileModule } from '../../compile.js';
import { formatDiagnostic } from '../../diagnostics/format.js';
import type { PackageTarget } from '../../cli/package-command.js';
import type { CliIO } from '../../cli/io.js';
import { k8sManifest, readBackendFiles } from './k8s.js';
import { modelMeta, unsupportedReason } from './model-config.js';
import { writeModelRepository, type RepoModel } from './model-repo.js';
import { parseTritonArgs, TritonUsageError, TRITON_USAGE } from './options.js';

/** `.py` files named on the command line, and the top-level `.py` files (not starting with `_`) of named directories. */
async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new TritonUsageError(`no such file or directory: ${input}`);
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter((n) => n.endsWith('.py') && !n.startsWith('_')).sort();
      files.push(...names.map((n) => join(input, n)));
    } else files.push(input);
  }
  return files;
}

export async function runTriton(inputs: string[], outDir: string, argv: string[], io: CliIO): Promise<number> {
  let parsed;
  let files: string[];
  try {
    parsed = parseTritonArgs(argv);
    files = await expandInputs([...inputs, ...parsed.inputs]);
    if (files.length === 0) throw new TritonUsageError('no .py files to package');
  } catch (error) {
    if (!(error instanceof TritonUsageError)) throw error;
    io.stderr(`portalis package: ${error.message}\n${TRITON_USAGE}\n`);
    return 2;
  }
  const { options } = parsed;

  const models: RepoModel[] = [];
  const owner = new Map<string, string>();
  let failed = false;
  for (const file of files) {
    const result = await compileModule({ file });
    for (const d of result.diagnostics) io.stderr(`${formatDiagnostic(d, result.source)}\n`);
    if (!result.ok || !result.output) {
      failed = true;
      continue;
    }
    const { spec, wasm } = result.output;
    for (const fn of spec.exports) {
      const reason = unsupportedReason(fn);
      if (reason) {
        io.stderr(`portalis package: skipping ${file}:${fn.line} \`${fn.name}\`: ${reason}\n`);
        continue;
      }
      const previous = owner.get(fn.name);
      if (previous !== undefined) {
        io.stderr(`portalis package: two functions named \`${fn.name}\` (${previous} and ${file}:${fn.line}); Triton model names must be unique — rename one\n`);
        failed = true;
        continue;
      }
      owner.set(fn.name, `${file}:${fn.line}`);
      models.push({ meta: modelMeta(spec, fn, basename(file), options), wasm });
    }
  }
  if (failed) {
    io.stderr('portalis package: nothing written\n');
    return 1;
  }
  if (models.length === 0) {
    io.stderr('portalis package: no function can be served by Triton, nothing written\n');
    return 1;
  }
  await writeModelRepository(outDir, models, options);
  const names = models.map((m) => m.meta.model);
  io.stderr(`packaged ${names.length} Triton model(s) into ${outDir}: ${names.join(', ')}\n`);
  if (parsed.k8s) {
    const dir = parsed.k8s.dir ?? join(dirname(resolve(outDir)), 'k8s');
    await mkdir(dir, { recursive: true });
    const path = join(dir, 'portalis-triton.yaml');
    await writeFile(path, k8sManifest({ tritonVersion: parsed.k8s.tritonVersion, models: names, backend: await readBackendFiles() }));
    io.stderr(`wrote ${path}\n`);
  }
  return 0;
}

export const tritonTarget: PackageTarget = {
  summary: 'a Triton model repository (backend portalis_wasm), one model per function',
  run: runTriton,
};
