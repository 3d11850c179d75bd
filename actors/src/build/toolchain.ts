/**
 * Finds a rustc that can compile to wasm32-unknown-unknown.
 *
 * Order: an explicit `rustc` option, then `PORTALIS_RUSTC` (both must work
 * and have the target, else PTL4005), then each `rustc` on PATH whose
 * sysroot has `lib/rustlib/wasm32-unknown-unknown`, then `/usr/bin/rustc`
 * (Debian's `rustc` + `libstd-rust-dev-wasm32`). None: PTL4001 with the
 * install commands. The answer is cached per process (per PATH and
 * PORTALIS_RUSTC value), so discovery costs a few rustc runs once.
 */
import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { runProcess } from './run-process.js';
import type { Toolchain, ToolchainSource } from './types.js';

export const WASM_TARGET = 'wasm32-unknown-unknown';
const DEBIAN_RUSTC = '/usr/bin/rustc';

export interface FindToolchainOptions {
  /** An explicit rustc (BuildOptions.rustc). */
  readonly rustc?: string;
  /** The file being built, for the diagnostic. */
  readonly file?: string;
  /** Environment to read PATH and PORTALIS_RUSTC from (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Skip the per-process cache. */
  readonly fresh?: boolean;
  /** The distribution rustc tried last (default /usr/bin/rustc; tests point it elsewhere). */
  readonly fallbackRustc?: string;
}

const found = new Map<string, Promise<Toolchain | Diagnostic>>();

export function findToolchain(opts: FindToolchainOptions = {}): Promise<Toolchain | Diagnostic> {
  const env = opts.env ?? process.env;
  const fallback = opts.fallbackRustc ?? DEBIAN_RUSTC;
  const key = JSON.stringify([opts.rustc ?? null, env.PORTALIS_RUSTC ?? null, env.PATH ?? null, fallback, opts.file ?? '']);
  let answer = opts.fresh ? undefined : found.get(key);
  if (!answer) {
    answer = discover(opts.rustc, env, opts.file ?? '', fallback);
    found.set(key, answer);
  }
  return answer;
}

export function isToolchain(t: Toolchain | Diagnostic): t is Toolchain {
  return 'rustc' in t && 'sysroot' in t;
}

type Probe = { ok: true; toolchain: Toolchain } | { ok: false; why: string };

async function discover(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv,
  file: string,
  fallback: string,
): Promise<Toolchain | Diagnostic> {
  const named: [string | undefined, ToolchainSource, string][] = [
    [explicit, 'option', 'the `rustc` build option'],
    [env.PORTALIS_RUSTC, 'PORTALIS_RUSTC', 'PORTALIS_RUSTC'],
  ];
  for (const [rustc, source, label] of named) {
    if (rustc === undefined || rustc === '') continue;
    const probe = await probeRustc(rustc, source);
    if (probe.ok) return probe.toolchain;
    return diagnostic({
      code: 'PTL4005',
      stage: 'build',
      file,
      message: `${label} (${rustc}) cannot be used: ${probe.why}`,
    });
  }

  const tried: string[] = [];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, 'rustc');
    if (!(await isExecutable(candidate))) continue;
    const source: ToolchainSource = candidate === fallback ? 'debian' : 'PATH';
    const probe = await probeRustc(candidate, source);
    if (probe.ok) return probe.toolchain;
    tried.push(`${candidate}: ${probe.why}`);
  }
  if (!tried.some((t) => t.startsWith(`${fallback}:`)) && (await isExecutable(fallback))) {
    const probe = await probeRustc(fallback, 'debian');
    if (probe.ok) return probe.toolchain;
    tried.push(`${fallback}: ${probe.why}`);
  }
  const detail = tried.length === 0 ? `no rustc was found on PATH or at ${fallback}` : `tried ${tried.join('; ')}`;
  return diagnostic({
    code: 'PTL4001',
    stage: 'build',
    file,
    message: `no Rust compiler with the ${WASM_TARGET} target: ${detail}`,
  });
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const s = await stat(file);
    if (!s.isFile()) return false;
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs `rustc -vV` and `rustc --print sysroot` and checks the wasm target's std is installed. */
async function probeRustc(rustc: string, source: ToolchainSource): Promise<Probe> {
  const vv = await runProcess(rustc, ['-vV']);
  if (vv.spawnError) return { ok: false, why: `it does not run (${vv.spawnError.message})` };
  if (vv.code !== 0) return { ok: false, why: `\`${rustc} -vV\` failed: ${firstLine(vv.stderr)}` };
  const release = /^release:\s*(\S+)/m.exec(vv.stdout)?.[1];
  if (!release || !/^rustc /.test(vv.stdout)) return { ok: false, why: 'it does not look like rustc (`-vV` printed no release)' };
  const sr = await runProcess(rustc, ['--print', 'sysroot']);
  if (sr.code !== 0) return { ok: false, why: `\`${rustc} --print sysroot\` failed: ${firstLine(sr.stderr)}` };
  const sysroot = sr.stdout.trim();
  const targetLib = path.join(sysroot, 'lib', 'rustlib', WASM_TARGET, 'lib');
  try {
    const s = await stat(targetLib);
    if (!s.isDirectory()) throw new Error('not a directory');
  } catch {
    return { ok: false, why: `its sysroot ${sysroot} has no ${WASM_TARGET} standard library (lib/rustlib/${WASM_TARGET})` };
  }
  // A bare command name stays as it is (spawn looks it up on PATH).
  const absolute = rustc.includes(path.sep) ? path.resolve(rustc) : rustc;
  return { ok: true, toolchain: { rustc: absolute, version: release, sysroot, source, versionInfo: vv.stdout.trim() } };
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0] ?? '';
}
