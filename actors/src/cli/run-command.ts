/**
 * `portalis run <script.py> [args...]`: compiles the script's top-level code
 * (script mode) and runs it, printing what `python3 <script.py>` prints.
 * `sys.argv` is `[script, ...args]` with the path exactly as given (as
 * python3's `sys.argv[0]`); `input()` and `sys.stdin` read this process's
 * stdin (a pipe, a file or a terminal).
 * Exit status: the script's (0, `sys.exit(n)`, 1 after an uncaught
 * exception or `sys.exit("message")`); 2 when the script cannot be compiled
 * (diagnostics on stderr) or for a usage error.
 */
import { runScriptWasm, type ScriptIO } from '@portalis/runtime';
import { compileScript } from '../compile-script.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { processIO, type CliIO } from './io.js';

export const RUN_USAGE = 'Usage: portalis run <script.py> [args...]';

/**
 * `stdin`: what the script reads; by default the process's own stdin when
 * writing to the process streams, and nothing (a closed pipe) when `io`
 * captures the output, so an in-process caller never blocks on the
 * terminal by accident.
 */
export async function run(argv: string[], io: CliIO, stdin: ScriptIO['stdin'] = io === processIO ? 'inherit' : undefined): Promise<number> {
  const [script, ...args] = argv;
  if (script === undefined || script === '--help' || script === '-h') {
    (script === undefined ? io.stderr : io.stdout)(`${RUN_USAGE}\n`);
    return script === undefined ? 2 : 0;
  }
  const compiled = await compileScript(script);
  for (const d of compiled.diagnostics) if (!compiled.ok || d.severity !== 'note') io.stderr(`${formatDiagnostic(d, compiled.source)}\n`);
  if (!compiled.ok) return 2;
  return runScriptWasm(compiled.wasm, { stdout: io.stdout, stderr: io.stderr, argv: [script, ...args], ...(stdin === undefined ? {} : { stdin }) });
}
