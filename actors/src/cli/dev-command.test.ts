/**
 * `portalis dev --kit`: usage errors and a bridge that cannot bind. The live
 * reload itself (watch, recompile, publish, Kit's reports) is tested end to
 * end with a real Kit-side client in kit-extension/tests/test_bridge.py.
 */
import { describe, expect, it } from 'vitest';
import { BridgeServer } from '@portalis/runtime/bridge';
import type { CliIO } from './io.js';
import { run } from './dev-command.js';

function capture(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('portalis dev', () => {
  it.each([
    [[], /--kit <file.py> is required/],
    [['step.py'], /--kit <file.py> is required/],
    [['--kit', 'a.py', 'b.py'], /unexpected argument 'b.py'/],
    [['--kit', 'a.py', '--endpoint', 'ipc:///tmp/x'], /cannot derive --pub-endpoint/],
    [['--kit', 'a.py', '--heartbeat-ms', '0'], /--heartbeat-ms must be a positive integer/],
    [['--kit', 'a.py', '--debounce-ms', 'soon'], /--debounce-ms must be a positive integer/],
    [['--kit', 'a.py', '-O', '9'], /--opt-level must be one of/],
    [['--kit', 'a.py', '--frobnicate'], /Unknown option/],
  ])('refuses %j with exit status 2', async (argv, message) => {
    const io = capture();
    expect(await run(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.err).toContain('Usage: portalis dev --kit');
  });

  it('prints its help', async () => {
    const io = capture();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out).toContain('--pub-endpoint');
  });

  it('exits 1 with the reason when the endpoint is taken', async () => {
    const taken = await BridgeServer.start({ rpcEndpoint: 'tcp://127.0.0.1:*', pubEndpoint: 'tcp://127.0.0.1:*' });
    try {
      const io = capture();
      expect(await run(['--kit', 'never-read.py', '--endpoint', taken.rpcEndpoint, '--pub-endpoint', 'tcp://127.0.0.1:*'], io)).toBe(1);
      expect(io.err).toMatch(/cannot bind the bridge .*in use/i);
    } finally {
      await taken.close();
    }
  });
});
