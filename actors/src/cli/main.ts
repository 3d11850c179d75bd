/**
 * `portalis build` and `portalis test`.
 *
 * One file compiles in this thread; several compile in parallel on the worker
 * pool with a progress line per file. Diagnostics are printed as
 * `file:line:col: error CODE: message`, a code frame and a hint. The exit
 * status is 0 on success, 1 when any file failed, 2 on usage errors.
 */
import { readFileSync } from 'node:fs';
import { compileModule } from '../compile.js';
import type { CompileOptions, CompileResult } from '../compile-types.js';
import { formatConformanceReport } from '../conformance/index.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { createCompilerPool } from '../workers/pool.js';
import { parseCli, usage, UsageError, type CliArgs } from './args.js';
import { COMMANDS } from './commands.js';
import { processIO, type CliIO } from './io.js';
import { OutputConflictError, writeOutputs } from './write-outputs.js';

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const extra = argv[0] !== undefined ? COMMANDS[argv[0]] : undefined;
  if (extra) return (await extra.load()).run(argv.slice(1), io);
  let args: CliArgs;
  try {
    args = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`portalis: ${error.message}\n\n${usage()}\n`);
    return 2;
  }
  if (args.command === 'help') {
    io.stdout(`${usage()}\n`);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout(`portalis ${packageVersion()}\n`);
    return 0;
  }
  const options: CompileOptions = {
    intMode: args.intMode,
    wasm: args.wasm,
    optLevel: args.optLevel,
    conformance: args.command === 'test',
    ...(args.runtimeImport ? { runtimeImport: args.runtimeImport } : {}),
  };
  const results = await compileAll(args, options, io);
  let failed = 0;
  for (const result of results) {
    if (!(await report(result, args, io))) failed++;
  }
  if (results.length > 1 && !args.quiet) {
    io.stderr(`${results.length - failed} of ${results.length} modules ${args.command === 'test' ? 'conform' : 'built'}${failed ? `, ${failed} failed` : ''}\n`);
  }
  return failed === 0 ? 0 : 1;
}

async function compileAll(args: CliArgs, options: CompileOptions, io: CliIO): Promise<CompileResult[]> {
  if (args.files.length === 1) return [await compileModule({ file: args.files[0]! }, options)];
  const pool = createCompilerPool();
  let done = 0;
  const total = args.files.length;
  try {
    return await Promise.all(
      args.files.map(async (file) => {
        const result = await pool.compile({ file }, options);
        done++;
        if (!args.quiet) {
          const millis = Object.values(result.timings).reduce((a, b) => a + (b ?? 0), 0);
          io.stderr(`[${done}/${total}] ${file} ${result.ok ? 'ok' : 'failed'} (${(millis / 1000).toFixed(2)}s)\n`);
        }
        return result;
      }),
    );
  } finally {
    await pool.close();
  }
}

/** Prints one module's outcome; returns whether it succeeded. */
async function report(result: CompileResult, args: CliArgs, io: CliIO): Promise<boolean> {
  for (const d of result.diagnostics) {
    if (args.quiet && d.severity !== 'error') continue;
    io.stderr(`${formatDiagnostic(d, result.source)}\n`);
  }
  if (args.command === 'test' && result.conformance) {
    io.stdout(`${formatConformanceReport(result.conformance)}\n`);
  }
  if (!result.ok || !result.output) return false;
  if (args.command === 'build') {
    let written: string[];
    try {
      written = await writeOutputs(result.file, args.outDir, result.output);
    } catch (error) {
      if (!(error instanceof OutputConflictError)) throw error;
      io.stderr(`portalis: ${error.message}\n`);
      return false;
    }
    if (!args.quiet) {
      const cache = result.cached ? ' (cached)' : '';
      io.stderr(`built ${result.file}${cache}: ${written.join(', ')}\n`);
    }
  }
  return true;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
