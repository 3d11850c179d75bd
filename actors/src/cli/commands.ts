/**
 * Commands beyond `build` and `test`, each in its own file and loaded only
 * when used, so `portalis build` never pays for a server or a socket library.
 * A command module exports `run(argv, io)`, parses its own arguments (usage
 * errors exit 2) and returns the exit status. Add a command with one entry here.
 */
import type { CliIO } from './io.js';

export interface CommandModule {
  run(argv: string[], io: CliIO): Promise<number>;
}

export interface CommandEntry {
  /** One line for `portalis --help`: `name <args>   what it does`. */
  readonly synopsis: string;
  readonly load: () => Promise<CommandModule>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  package: {
    synopsis: 'package <file.py|dir> --target <t> -o <dir>   package for a deployment target (see portalis package --help)',
    load: () => import('./package-command.js'),
  },
  serve: {
    synopsis: 'serve <repo> [--host] [--grpc-port] [--http-port] [--timeout-ms]   serve a Triton model repository over KServe v2 (gRPC + HTTP)',
    load: () => import('./serve-command.js'),
  },
  run: {
    synopsis: 'run <script.py> [args...]   compile a script and run it, printing what python3 prints',
    load: () => import('./run-command.js'),
  },
  dev: {
    synopsis: 'dev --kit <file.py> [--endpoint <ep>]   live reload into an Omniverse Kit extension over ZeroMQ',
    load: () => import('./dev-command.js'),
  },
};
