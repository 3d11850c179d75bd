/**
 * Command-line parsing for `portalis`: a command word, positional files and
 * a few flags. Unknown flags are usage errors (exit code 2), never ignored.
 */
import { parseArgs } from 'node:util';

export type Command = 'build' | 'test' | 'help' | 'version';

export interface CliArgs {
  readonly command: Command;
  readonly files: string[];
  readonly outDir: string | null;
  readonly intMode: 'number' | 'bigint';
  readonly wasm: 'inline' | 'file';
  readonly runtimeImport: string | null;
  readonly optLevel: '0' | '1' | '2' | '3' | 's' | 'z';
  readonly quiet: boolean;
}

export class UsageError extends Error {}

import { COMMANDS } from './commands.js';

export function usage(): string {
  const extra = Object.values(COMMANDS).map((c) => `  ${c.synopsis}\n`).join('');
  return USAGE.replace('__EXTRA__', extra);
}

const USAGE = `Usage: portalis <command> [options] <file.py>...

Commands:
  build <file.py>...   translate to Rust, compile to WASM, write .rs .wasm .js .d.ts
  test <file.py>...    build, then check the WASM against CPython (python3) on derived inputs
__EXTRA__
Options:
  -o, --out-dir <dir>  where build writes its files (default: next to each .py)
  --int <mode>         how int crosses to JS: number (default) or bigint
  --wasm <mode>        file (default for build: a sibling .wasm) or inline (base64 in the .js)
  --runtime <spec>     module specifier the .js imports the runtime from (default @portalis/runtime)
  -O, --opt-level <l>  rustc opt-level: 0 1 2 3 s z (default 3)
  -q, --quiet          print only errors
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 on success, 1 when a file has errors or differs from CPython, 2 on usage errors.`;

export function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'out-dir': { type: 'string', short: 'o' },
        int: { type: 'string' },
        wasm: { type: 'string' },
        runtime: { type: 'string' },
        'opt-level': { type: 'string', short: 'O' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return defaults('help', []);
  if (values.version) return defaults('version', []);
  const [word, ...files] = positionals;
  if (word === undefined) return defaults('help', []);
  if (word !== 'build' && word !== 'test') throw new UsageError(`unknown command '${word}'`);
  if (files.length === 0) throw new UsageError(`'portalis ${word}' needs at least one .py file`);
  const intMode = values.int ?? 'number';
  if (intMode !== 'number' && intMode !== 'bigint') throw new UsageError(`--int must be number or bigint, got '${intMode}'`);
  const wasm = values.wasm ?? 'file';
  if (wasm !== 'inline' && wasm !== 'file') throw new UsageError(`--wasm must be file or inline, got '${wasm}'`);
  const optLevel = values['opt-level'] ?? '3';
  if (!['0', '1', '2', '3', 's', 'z'].includes(optLevel)) throw new UsageError(`--opt-level must be one of 0 1 2 3 s z, got '${optLevel}'`);
  return {
    command: word,
    files,
    outDir: values['out-dir'] ?? null,
    intMode,
    wasm,
    runtimeImport: values.runtime ?? null,
    optLevel: optLevel as CliArgs['optLevel'],
    quiet: values.quiet ?? false,
  };
}

function defaults(command: Command, files: string[]): CliArgs {
  return { command, files, outDir: null, intMode: 'number', wasm: 'file', runtimeImport: null, optLevel: '3', quiet: false };
}
