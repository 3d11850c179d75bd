/**
 * `portalis serve`: argument parsing, serving in-process until stopped, and
 * the real CLI process (actors/bin/portalis.js, built by `tsc -b`) printing
 * its ports and shutting down gracefully on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServeArgs, serveUntil } from '../../actors/src/cli/serve-command.js';
import { TritonClient } from '../../runtime/src/serve/index.js';
import { buildRepository } from './repo-fixture.js';

const BIN = fileURLToPath(new URL('../../actors/bin/portalis.js', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../../actors/dist/cli/serve-command.js', import.meta.url))) && existsSync(fileURLToPath(new URL('../../runtime/dist/serve/index.js', import.meta.url)));

let repo: string;
beforeAll(async () => {
  repo = await buildRepository();
});
afterAll(async () => {
  if (repo) await rm(repo, { recursive: true, force: true });
});

describe('portalis serve', () => {
  it('parses its arguments', () => {
    expect(parseServeArgs(['models'])).toEqual({ repository: 'models', host: '127.0.0.1', grpcPort: 8001, httpPort: 8000, timeoutMs: 10_000 });
    expect(parseServeArgs(['--host', '0.0.0.0', 'm', '--grpc-port=0', '--http-port', '9000', '--timeout-ms', '250'])).toEqual({ repository: 'm', host: '0.0.0.0', grpcPort: 0, httpPort: 9000, timeoutMs: 250 });
    expect(parseServeArgs([])).toBe('give the model repository directory');
    expect(parseServeArgs(['m', '--grpc-port', '70000'])).toMatch(/--grpc-port needs a port number/);
    expect(parseServeArgs(['m', '--timeout-ms', '0'])).toMatch(/--timeout-ms needs a positive integer/);
    expect(parseServeArgs(['m', '--frobnicate'])).toBe('unknown option --frobnicate');
  });

  it('serves in-process until stopped, printing ports and model states', async () => {
    let out = '';
    const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t) };
    const status = await serveUntil([repo, '--grpc-port', '0', '--http-port', '0'], io, async ({ grpcPort, httpPort }) => {
      const g = TritonClient.grpc(`127.0.0.1:${grpcPort}`);
      expect(await g.fn('add')(20, 22)).toBe(42);
      g.close();
      expect(await TritonClient.http(`http://127.0.0.1:${httpPort}`).fn('is_even')(3)).toBe(false);
    });
    expect(status).toBe(0);
    expect(out).toMatch(/add \(version 1\): READY/);
    expect(out).toMatch(/gRPC on 127\.0\.0\.1:\d+, HTTP on http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/stopped\n$/);
    const bad: string[] = [];
    expect(await serveUntil(['/nonexistent/repo'], { stdout: () => undefined, stderr: (t) => void bad.push(t) }, async () => undefined)).toBe(1);
    expect(bad.join('')).toContain('is not a directory');
  });

  it.skipIf(!BUILT)('runs as a process and stops gracefully on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', repo, '--grpc-port', '0', '--http-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (d) => (out += d));
    const http = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ports printed: ${out}`)), 30_000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = /HTTP on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    expect(await TritonClient.http(http).fn('fib')(10)).toBe(55);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('portalis serve: stopped');
  });
});
