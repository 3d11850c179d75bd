/**
 * Toolchain discovery with real rustc binaries and fake ones: a working
 * rustc with the wasm32 target is found; PORTALIS_RUSTC that does not run,
 * is not rustc, or lacks the target is PTL4005; nothing usable is PTL4001.
 */
import { access, chmod, constants, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findToolchain, isToolchain } from './toolchain.js';

const DEBIAN = '/usr/bin/rustc';
const haveDebian = await access(DEBIAN, constants.X_OK).then(
  () => true,
  () => false,
);

async function fakeRustc(script: string): Promise<{ dir: string; rustc: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'portalis-fake-rustc-'));
  const rustc = path.join(dir, 'rustc');
  await writeFile(rustc, `#!/bin/sh\n${script}\n`);
  await chmod(rustc, 0o755);
  return { dir, rustc };
}

/** A rustc whose sysroot lacks the wasm32 standard library (like a rustup toolchain without the target). */
const noTargetScript = `
case "$1" in
  -vV) printf 'rustc 1.99.0 (fake)\\nbinary: rustc\\nhost: x86_64-unknown-linux-gnu\\nrelease: 1.99.0\\n' ;;
  --print) echo /nonexistent-sysroot ;;
esac`;

describe('findToolchain', () => {
  it('finds a rustc with the wasm32 target', async (ctx) => {
    if (!haveDebian) ctx.skip('/usr/bin/rustc is not installed');
    const tc = await findToolchain({ fresh: true });
    expect(isToolchain(tc)).toBe(true);
    if (!isToolchain(tc)) return;
    expect(tc.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(tc.versionInfo).toContain(`release: ${tc.version}`);
    expect(['PATH', 'debian']).toContain(tc.source);
  });

  it('skips a rustc on PATH that lacks the target and falls back to /usr/bin/rustc', async (ctx) => {
    if (!haveDebian) ctx.skip('/usr/bin/rustc is not installed');
    const fake = await fakeRustc(noTargetScript);
    const tc = await findToolchain({ fresh: true, env: { PATH: fake.dir } });
    expect(isToolchain(tc) && tc.rustc).toBe(DEBIAN);
    if (isToolchain(tc)) expect(tc.source).toBe('debian');
  });

  it('uses PORTALIS_RUSTC when it works', async (ctx) => {
    if (!haveDebian) ctx.skip('/usr/bin/rustc is not installed');
    const tc = await findToolchain({ fresh: true, env: { PATH: '', PORTALIS_RUSTC: DEBIAN } });
    expect(isToolchain(tc) && tc.source).toBe('PORTALIS_RUSTC');
  });

  it('reports a broken PORTALIS_RUSTC as PTL4005 instead of falling back', async () => {
    const missing = await findToolchain({ fresh: true, file: 'm.py', env: { PATH: '/usr/bin', PORTALIS_RUSTC: '/nonexistent/rustc' } });
    expect(isToolchain(missing)).toBe(false);
    if (isToolchain(missing)) return;
    expect(missing.code).toBe('PTL4005');
    expect(missing.file).toBe('m.py');
    expect(missing.message).toMatch(/PORTALIS_RUSTC \(\/nonexistent\/rustc\) cannot be used: it does not run/);

    const notRustc = await fakeRustc('echo hello');
    const d2 = await findToolchain({ fresh: true, env: { PATH: '', PORTALIS_RUSTC: notRustc.rustc } });
    expect(!isToolchain(d2) && d2.code).toBe('PTL4005');
    if (!isToolchain(d2)) expect(d2.message).toContain('does not look like rustc');

    const noTarget = await fakeRustc(noTargetScript);
    const d3 = await findToolchain({ fresh: true, env: { PATH: '', PORTALIS_RUSTC: noTarget.rustc } });
    expect(!isToolchain(d3) && d3.code).toBe('PTL4005');
    if (!isToolchain(d3)) expect(d3.message).toContain('has no wasm32-unknown-unknown standard library');
  });

  it('reports PTL4001 with what it tried when nothing works', async () => {
    const fake = await fakeRustc(noTargetScript);
    const d = await findToolchain({ fresh: true, file: 'm.py', env: { PATH: fake.dir }, fallbackRustc: '/nonexistent/rustc' });
    expect(isToolchain(d)).toBe(false);
    if (isToolchain(d)) return;
    expect(d.code).toBe('PTL4001');
    expect(d.message).toContain(`${fake.rustc}: its sysroot /nonexistent-sysroot has no wasm32-unknown-unknown`);
    expect(d.hint).toMatch(/libstd-rust-dev-wasm32|rustup target add wasm32-unknown-unknown/);

    const none = await findToolchain({ fresh: true, env: { PATH: '' }, fallbackRustc: '/nonexistent/rustc' });
    expect(!isToolchain(none) && none.message).toContain('no rustc was found on PATH or at /nonexistent/rustc');
  });

  it('caches the answer per process', async () => {
    const env = { PATH: '', PORTALIS_RUSTC: '/nonexistent/rustc-cached' };
    const a = findToolchain({ env });
    const b = findToolchain({ env });
    expect(a).toBe(b);
    await a;
  });
});
