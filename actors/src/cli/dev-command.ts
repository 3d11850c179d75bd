/**
 * `portalis dev --kit <file.py> [--endpoint tcp://127.0.0.1:5555] [--pub-endpoint ...]`
 *
 * Live reload into an Omniverse Kit extension: compiles the file, serves it
 * on the ZeroMQ bridge (@portalis/runtime/bridge, docs/bridge-protocol.md),
 * then watches the file and on each save recompiles and publishes the new
 * module. A save that does not compile prints its diagnostics and publishes
 * nothing, so Kit keeps running the last good module until the next good
 * save. What each connected Kit reports running is printed as it happens.
 * Runs until SIGINT/SIGTERM; exit status 0 then, 2 on usage errors, 1 when
 * the bridge cannot bind.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileModule } from '../compile.js';
import type { CompileOptions } from '../compile-types.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import type { BridgeServer as BridgeServerType } from '@portalis/runtime/bridge';
import type { CliIO } from './io.js';

const USAGE = `Usage: portalis dev --kit <file.py> [options]

Compiles <file.py>, serves it to a Kit extension over ZeroMQ and republishes it on every save.

Options:
  --endpoint <ep>       ROUTER endpoint for remote calls and snapshots (default tcp://127.0.0.1:5555)
  --pub-endpoint <ep>   PUB endpoint for new modules and heartbeats (default: the --endpoint port + 1)
  --heartbeat-ms <n>    heartbeat interval (default 500)
  --debounce-ms <n>     wait this long after the last change before recompiling (default 150)
  -O, --opt-level <l>   rustc opt-level: 0 1 2 3 s z (default 3)`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        kit: { type: 'string' },
        endpoint: { type: 'string' },
        'pub-endpoint': { type: 'string' },
        'heartbeat-ms': { type: 'string' },
        'debounce-ms': { type: 'string' },
        'opt-level': { type: 'string', short: 'O' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`portalis dev: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const usageError = (message: string) => {
    io.stderr(`portalis dev: ${message}\n${USAGE}\n`);
    return 2;
  };
  const file = values.kit ?? positionals[0];
  if (!file || !values.kit) return usageError('--kit <file.py> is required (the only dev target today)');
  if (positionals.length > 0) return usageError(`unexpected argument '${positionals[0]}'`);
  const endpoint = values.endpoint ?? 'tcp://127.0.0.1:5555';
  let pubEndpoint = values['pub-endpoint'];
  if (!pubEndpoint) {
    const match = /^(tcp:\/\/.+):(\d+)$/.exec(endpoint);
    if (!match) return usageError(`cannot derive --pub-endpoint from ${endpoint}; pass it`);
    pubEndpoint = `${match[1]}:${Number(match[2]) + 1}`;
  }
  const heartbeatMs = positiveInt(values['heartbeat-ms'] ?? '500');
  const debounceMs = positiveInt(values['debounce-ms'] ?? '150');
  if (heartbeatMs === null) return usageError('--heartbeat-ms must be a positive integer');
  if (debounceMs === null) return usageError('--debounce-ms must be a positive integer');
  const optLevel = values['opt-level'] ?? '3';
  if (!['0', '1', '2', '3', 's', 'z'].includes(optLevel)) return usageError(`--opt-level must be one of 0 1 2 3 s z, got '${optLevel}'`);
  return serve(resolve(file), { endpoint, pubEndpoint, heartbeatMs, debounceMs, optLevel: optLevel as CompileOptions['optLevel'] }, io);
}

function positiveInt(text: string): number | null {
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

interface DevOptions {
  readonly endpoint: string;
  readonly pubEndpoint: string;
  readonly heartbeatMs: number;
  readonly debounceMs: number;
  readonly optLevel: CompileOptions['optLevel'];
}

async function serve(file: string, options: DevOptions, io: CliIO): Promise<number> {
  // Loaded here so that no other command pays for the native zeromq addon.
  const { BridgeServer } = await import('@portalis/runtime/bridge');
  const say = (line: string) => io.stdout(`[portalis dev] ${line}\n`);
  let server: BridgeServerType;
  try {
    server = await BridgeServer.start({
      rpcEndpoint: options.endpoint,
      pubEndpoint: options.pubEndpoint,
      heartbeatIntervalMs: options.heartbeatMs,
      onEvent: (event) => {
        const peer = 'peer' in event && event.peer ? `kit ${event.peer.slice(0, 8)}` : 'kit ?';
        if (event.kind === 'peer-joined') say(`${peer} connected`);
        else if (event.kind === 'peer-lost') say(`${peer} lost (silent for ${(event.silentMs / 1000).toFixed(1)} s)`);
        else if (event.kind === 'loaded') {
          const current = event.sha256 === server.module?.sha256 ? ' (current)' : '';
          if (event.ok && event.staged) say(`${peer} staged ${event.version}${current}, swapping in at the next simulation step`);
          else if (event.ok) say(`${peer} running ${event.version ?? 'nothing yet'}${current}`);
          else say(`${peer} failed to load ${event.version}: ${event.error ?? 'unknown error'}`);
        } else say(`${peer}: protocol error: ${event.problem}`);
      },
    });
  } catch (error) {
    io.stderr(`portalis dev: cannot bind the bridge (${options.endpoint}, ${options.pubEndpoint}): ${(error as Error).message}\n`);
    return 1;
  }
  say(`bridge rpc ${server.rpcEndpoint} pub ${server.pubEndpoint} (node instance ${server.instance})`);

  const compileOptions: CompileOptions = { optLevel: options.optLevel };
  let compiling = false;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (compiling) {
      again = true;
      return;
    }
    compiling = true;
    try {
      do {
        again = false;
        try {
          await compileAndPublish();
        } catch (error) {
          // A Portalis bug (stages report user mistakes as diagnostics): say so and keep watching.
          say(`internal error while compiling ${basename(file)}: ${(error as Error).stack ?? String(error)}; nothing published`);
        }
      } while (again);
    } finally {
      compiling = false;
    }
  };
  const compileAndPublish = async (): Promise<void> => {
    const started = Date.now();
    const result = await compileModule({ file }, compileOptions);
    for (const d of result.diagnostics) io.stderr(`${formatDiagnostic(d, result.source)}\n`);
    if (!result.ok || !result.output) {
      const still = server.module ? `; Kit keeps running ${server.module.version}` : '';
      say(`${basename(file)} has errors, nothing published${still}`);
      return;
    }
    const { wasm, spec } = result.output;
    try {
      const published = await server.publishModule(wasm, spec);
      const count = spec.exports.length;
      say(`published ${published.version} (${count} function${count === 1 ? '' : 's'}, ${wasm.byteLength} bytes, ${Date.now() - started} ms)`);
    } catch (error) {
      say(`${basename(file)} compiled but could not be loaded: ${(error as Error).message}; nothing published`);
    }
  };

  await rebuild();

  // Watch the directory, not the file: editors often save by writing a new file and renaming it over the old one.
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher;
  try {
    watcher = watch(dirname(file), (_event, name) => {
      if (name !== null && name !== basename(file)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void rebuild();
      }, options.debounceMs);
    });
  } catch (error) {
    await server.close();
    io.stderr(`portalis dev: cannot watch ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  say(`watching ${file} (Ctrl-C to stop)`);

  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  watcher.close();
  if (timer) clearTimeout(timer);
  await server.close();
  say('stopped');
  return 0;
}
