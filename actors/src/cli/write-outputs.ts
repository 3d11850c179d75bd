/**
 * Writes what `portalis build` produces for one module: `<name>.rs`,
 * `<name>.wasm` (file mode), `<name>.js` and `<name>.d.ts`. Each file is
 * written to a temporary name and renamed, so a reader never sees half a file.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CompileOutput } from '../compile-types.js';

export async function writeOutputs(file: string, outDir: string | null, output: CompileOutput): Promise<string[]> {
  const dir = outDir ?? dirname(file);
  const name = basename(file).replace(/\.py$/, '');
  await mkdir(dir, { recursive: true });
  const files: [string, string | Uint8Array][] = [
    [`${name}.rs`, output.rust],
    [`${name}.js`, output.js],
    [`${name}.d.ts`, output.dts],
  ];
  if (output.wasmFileName) files.push([output.wasmFileName, output.wasm]);
  const written: string[] = [];
  for (const [fileName, content] of files) {
    const target = join(dir, fileName);
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, content);
    await rename(temp, target);
    written.push(target);
  }
  return written;
}
