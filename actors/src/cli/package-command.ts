/**
 * `portalis package <file.py | dir> --target <name> -o <dir> [target options]`
 *
 * Compiles the Python through the pipeline and hands the result to a
 * deployment target (a Triton model repository, an Omniverse Kit extension).
 * Each target lives in `actors/src/targets/<name>/` and is registered in
 * TARGETS below; it parses its own options from the remaining arguments.
 */
import type { CliIO } from './io.js';

export interface PackageTarget {
  /** One line for the help text. */
  readonly summary: string;
  /** Packages `inputs` into `outDir`; `argv` holds the target's own options. Returns the exit status. */
  run(inputs: string[], outDir: string, argv: string[], io: CliIO): Promise<number>;
}

export const TARGETS: Record<string, () => Promise<PackageTarget>> = {
  triton: async () => (await import('../targets/triton/target.js')).tritonTarget,
  kit: async () => (await import('../targets/kit/target.js')).kitTarget,
};

export const PACKAGE_USAGE = () => `Usage: portalis package <file.py | dir>... --target <${Object.keys(TARGETS).join('|') || 'target'}> -o <dir> [target options]`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const inputs: string[] = [];
  const rest: string[] = [];
  let target: string | undefined;
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--target' || arg === '-t') target = argv[++i];
    else if (arg.startsWith('--target=')) target = arg.slice('--target='.length);
    else if (arg === '-o' || arg === '--out-dir') outDir = argv[++i];
    else if (arg.startsWith('--out-dir=')) outDir = arg.slice('--out-dir='.length);
    else if (arg.startsWith('-')) {
      rest.push(arg);
      // A target option's value follows it unless it is a flag itself.
      if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-') && !arg.includes('=')) rest.push(argv[++i]!);
    } else inputs.push(arg);
  }
  const usageError = (message: string) => {
    io.stderr(`portalis package: ${message}\n${PACKAGE_USAGE()}\n`);
    return 2;
  };
  if (!target) return usageError('--target is required');
  const load = TARGETS[target];
  if (!load) return usageError(`unknown target '${target}'`);
  if (!outDir) return usageError('-o <dir> is required');
  if (inputs.length === 0) return usageError('give at least one .py file or directory');
  return (await load()).run(inputs, outDir, rest, io);
}
