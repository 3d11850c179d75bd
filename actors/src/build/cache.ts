/**
 * The content-addressed disk cache of built modules.
 *
 * Key: sha256 over everything that determines the output (the Rust source,
 * `rustc -vV`, the build options and flags, the rt source hash and the ABI
 * version). Entry: `<cacheDir>/wasm/<key[0..2]>/<key>.bin`, holding the
 * sha256 of the WASM (32 bytes) followed by the WASM, so a truncated or
 * flipped entry is detected on read and rebuilt. Writes go to a unique temp
 * file in the same directory and are renamed into place (atomic on POSIX),
 * so concurrent builders of one key (threads or processes) are safe: each
 * rename installs a complete, identical entry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const DIGEST_BYTES = 32;

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const fromEnv = env.PORTALIS_CACHE_DIR;
  return fromEnv && fromEnv !== '' ? path.resolve(fromEnv) : path.join(cwd, 'node_modules', '.cache', 'portalis');
}

export function cacheKey(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export function cacheEntryPath(cacheDir: string, key: string): string {
  return path.join(cacheDir, 'wasm', key.slice(0, 2), `${key}.bin`);
}

export type CacheRead = { status: 'hit'; wasm: Uint8Array } | { status: 'miss' } | { status: 'corrupt'; why: string };

/** Reads an entry and checks its digest. */
export async function readCacheEntry(cacheDir: string, key: string): Promise<CacheRead> {
  let data: Buffer;
  try {
    data = await readFile(cacheEntryPath(cacheDir, key));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'miss' };
    return { status: 'corrupt', why: (err as Error).message };
  }
  if (data.length <= DIGEST_BYTES) return { status: 'corrupt', why: `entry is ${data.length} bytes` };
  const wasm = data.subarray(DIGEST_BYTES);
  const digest = createHash('sha256').update(wasm).digest();
  if (!digest.equals(data.subarray(0, DIGEST_BYTES))) return { status: 'corrupt', why: 'digest mismatch' };
  return { status: 'hit', wasm: new Uint8Array(wasm.buffer, wasm.byteOffset, wasm.byteLength) };
}

/** Installs an entry atomically (temp file + rename). */
export async function writeCacheEntry(cacheDir: string, key: string, wasm: Uint8Array): Promise<void> {
  const target = cacheEntryPath(cacheDir, key);
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const digest = createHash('sha256').update(wasm).digest();
  try {
    await writeFile(tmp, Buffer.concat([digest, wasm]));
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Removes an entry (after it failed validation). */
export async function dropCacheEntry(cacheDir: string, key: string): Promise<void> {
  await rm(cacheEntryPath(cacheDir, key), { force: true });
}
