/**
 * `portalis serve <repo> [--host H] [--grpc-port N] [--http-port N] [--timeout-ms N]`
 *
 * Serves a Triton model repository (as `portalis package --target triton`
 * writes it) over the KServe v2 protocol, gRPC and HTTP/REST, with the
 * embedded Node server of @portalis/runtime/serve. Prints the ports it
 * listens on; SIGINT/SIGTERM shut it down gracefully (in-flight requests are
 * answered first).
 */
import { stat } from 'node:fs/promises';
import type { CliIO } from './io.js';

export const SERVE_USAGE = 'Usage: portalis serve <repo> [--host 127.0.0.1] [--grpc-port 8001] [--http-port 8000] [--timeout-ms 10000]';

export interface ServeArgs {
  readonly repository: string;
  readonly host: string;
  readonly grpcPort: number;
  readonly httpPort: number;
  readonly timeoutMs: number;
}

/** Parses the arguments, or returns the usage error. */
export function parseServeArgs(argv: string[]): ServeArgs | string {
  let repository: string | undefined;
  let host = '127.0.0.1';
  let grpcPort = 8001;
  let httpPort = 8000;
  let timeoutMs = 10_000;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    const port = (name: string) => {
      const v = value();
      const n = Number(v);
      if (v === undefined || !Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} needs a port number (0-65535), got ${v ?? 'nothing'}`);
      return n;
    };
    try {
      if (flag === '--host') {
        const v = value();
        if (!v) throw new Error('--host needs an address');
        host = v;
      } else if (flag === '--grpc-port') grpcPort = port('--grpc-port');
      else if (flag === '--http-port') httpPort = port('--http-port');
      else if (flag === '--timeout-ms') {
        const v = value();
        const n = Number(v);
        if (v === undefined || !Number.isInteger(n) || n < 1) throw new Error(`--timeout-ms needs a positive integer, got ${v ?? 'nothing'}`);
        timeoutMs = n;
      } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
      else if (repository === undefined) repository = arg;
      else throw new Error(`one repository only (got ${repository} and ${arg})`);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (repository === undefined) return 'give the model repository directory';
  return { repository, host, grpcPort, httpPort, timeoutMs };
}

/** Serves until `stop` resolves, then shuts down gracefully. Returns the exit status. */
export async function serveUntil(argv: string[], io: CliIO, stop: (ready: { grpcPort: number | null; httpPort: number | null }) => Promise<unknown>): Promise<number> {
  const args = parseServeArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`portalis serve: ${args}\n${SERVE_USAGE}\n`);
    return 2;
  }
  if (!(await stat(args.repository).then((s) => s.isDirectory(), () => false))) {
    io.stderr(`portalis serve: ${args.repository} is not a directory\n`);
    return 1;
  }
  const { createInferenceServer } = await import('@portalis/runtime/serve');
  let server;
  try {
    server = await createInferenceServer({ repository: args.repository, host: args.host, grpcPort: args.grpcPort, httpPort: args.httpPort, requestTimeoutMs: args.timeoutMs });
  } catch (e) {
    io.stderr(`portalis serve: cannot listen: ${(e as Error).message}\n`);
    return 1;
  }
  const host = args.host.includes(':') ? `[${args.host}]` : args.host;
  for (const entry of server.models) {
    io.stdout(entry.model ? `  ${entry.name} (version ${entry.version}): READY\n` : `  ${entry.name}: UNAVAILABLE: ${entry.reason}\n`);
  }
  io.stdout(`portalis serve: gRPC on ${host}:${server.grpcPort}, HTTP on http://${host}:${server.httpPort} (metrics at /metrics)\n`);
  await stop({ grpcPort: server.grpcPort, httpPort: server.httpPort });
  io.stdout('portalis serve: shutting down (answering in-flight requests)\n');
  await server.close();
  io.stdout('portalis serve: stopped\n');
  return 0;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${SERVE_USAGE}\n`);
    return 0;
  }
  return serveUntil(argv, io, () =>
    new Promise<void>((resolve) => {
      const done = () => {
        process.off('SIGINT', done);
        process.off('SIGTERM', done);
        resolve();
      };
      process.on('SIGINT', done);
      process.on('SIGTERM', done);
    }),
  );
}
