/**
 * Compiles `portalis_rt` (actors/rt) to an rlib for wasm32, once per
 * toolchain and rt source.
 *
 * The rlib lives at `<cacheDir>/rt/<key>/libportalis_rt.rlib`, where the key
 * hashes `rustc -vV`, the rt sources and the flags. It is compiled to a
 * uniquely named file next to it and renamed into place, so concurrent
 * builds (threads or processes) never see a half-written rlib. Within a
 * process the work is shared through a promise per key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from './run-process.js';
import { WASM_TARGET } from './toolchain.js';
import type { Toolchain } from './types.js';

/** actors/rt/src, from actors/src/build (sources) or actors/dist/build (compiled). */
export const RT_SOURCE_DIR = fileURLToPath(new URL('../../rt/src/', import.meta.url));

/** Flags for the rlib; part of its cache key. */
const RT_FLAGS = ['-C', 'opt-level=3', '-C', 'debuginfo=0', '-C', 'panic=abort'];

let rtHashMemo: Promise<string> | undefined;

/** sha256 over the names and contents of the rt sources (memoised per process). */
export function rtSourceHash(): Promise<string> {
  rtHashMemo ??= (async () => {
    const hash = createHash('sha256');
    const names = (await readdir(RT_SOURCE_DIR)).filter((n) => n.endsWith('.rs')).sort();
    for (const name of names) {
      const text = await readFile(path.join(RT_SOURCE_DIR, name));
      hash.update(`${name}\0${text.length}\0`).update(text);
    }
    return hash.digest('hex');
  })();
  return rtHashMemo;
}

const building = new Map<string, Promise<string>>();

/** The path of the rlib for this toolchain, compiling it if needed. Throws on failure (a Portalis bug). */
export async function buildSupportLibrary(toolchain: Toolchain, cacheDir: string): Promise<string> {
  const rtHash = await rtSourceHash();
  const key = createHash('sha256')
    .update(JSON.stringify([toolchain.versionInfo, rtHash, RT_FLAGS]))
    .digest('hex')
    .slice(0, 32);
  const dir = path.join(cacheDir, 'rt', key);
  const rlib = path.join(dir, 'libportalis_rt.rlib');
  let job = building.get(rlib);
  if (!job) {
    job = compileOnce(toolchain, dir, rlib);
    building.set(rlib, job);
    job.catch(() => building.delete(rlib));
  }
  return job;
}

/**
 * Forgets and deletes an rlib that rustc could not read (a damaged cache
 * file), so the next `buildSupportLibrary` compiles it again.
 */
export async function discardSupportLibrary(rlib: string): Promise<void> {
  building.delete(rlib);
  await rm(rlib, { force: true });
}

async function compileOnce(toolchain: Toolchain, dir: string, rlib: string): Promise<string> {
  if (await isNonEmptyFile(rlib)) return rlib;
  await mkdir(dir, { recursive: true });
  // rustc insists on `lib*.rlib` names for --extern, so the temp file is one too.
  const tmp = path.join(dir, `libportalis_rt-tmp${process.pid}x${randomBytes(4).toString('hex')}.rlib`);
  const args = [
    '--edition', '2021',
    '--crate-type', 'rlib',
    '--crate-name', 'portalis_rt',
    '--target', WASM_TARGET,
    ...RT_FLAGS,
    '--cap-lints', 'warn',
    '-o', tmp,
    path.join(RT_SOURCE_DIR, 'lib.rs'),
  ];
  const out = await runProcess(toolchain.rustc, args, { cwd: dir });
  if (out.code !== 0) {
    await rm(tmp, { force: true });
    throw new Error(`compiling portalis_rt with ${toolchain.rustc} failed:\n${out.spawnError?.message ?? out.stderr}`);
  }
  await rename(tmp, rlib); // atomic; a concurrent winner's identical file is simply replaced
  return rlib;
}

async function isNonEmptyFile(file: string): Promise<boolean> {
  try {
    const s = await stat(file);
    return s.isFile() && s.size > 0;
  } catch {
    return false;
  }
}
