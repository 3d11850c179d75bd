/**
 * The conformance corpus on disk: `tests/conformance/<area>/<case>.py`, each
 * with `<case>.expected.json` recorded from CPython 3.11, and the code that
 * runs a case through `portalis run`'s path (compileScript + runScriptWasm)
 * or records it from python3.
 *
 * Expected results:
 *   { "stdout": "...", "stderr_last_line": "...", "exit": 0 }  (+ "stderr"
 *     in full when CPython printed no traceback, whose lines name files)
 *   { "refused": { "code": "PTL2003", "line": 4, "col": 1 } }
 * A refusal case states its expectation in its first line,
 * `# refused: PTL2003 4:1` (line and 1-based column of the diagnostic);
 * recording copies it, since CPython has no opinion on it.
 *
 * Sidecars, for both CPython and Portalis: `<case>.stdin` (bytes, if
 * present) is the script's stdin, else stdin is empty (a closed pipe);
 * `<case>.args` (a JSON array of strings, if present) follows the script
 * path in `sys.argv`. With a `.stdin`, CPython records with
 * PYTHONIOENCODING=utf-8:strict, so it decodes stdin as Portalis does
 * (docs/abi.md "Script mode"; this machine's C.UTF-8 locale would
 * otherwise give surrogateescape).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileScript, type ScriptCompileOptions } from '../../actors/src/compile-script.js';
import { runScriptWasm } from '../../runtime/src/script.js';

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));

export type Expected =
  | { readonly stdout: string; readonly stderr_last_line: string; readonly stderr?: string; readonly exit: number }
  | { readonly refused: { readonly code: string; readonly line: number; readonly col: number } };

export interface Case {
  /** `<area>/<case>`, relative to the corpus directory. */
  readonly name: string;
  readonly file: string;
  readonly expectedFile: string;
}

export function listCases(): Case[] {
  const out: Case[] = [];
  for (const area of readdirSync(CORPUS_DIR, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const f of readdirSync(join(CORPUS_DIR, area.name)).sort()) {
      if (!f.endsWith('.py')) continue;
      const file = join(CORPUS_DIR, area.name, f);
      out.push({ name: relative(CORPUS_DIR, file).replace(/\.py$/, ''), file, expectedFile: file.replace(/\.py$/, '.expected.json') });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}

function runResult(stdout: string, stderr: string, exit: number): Expected {
  return {
    stdout,
    stderr_last_line: lastLine(stderr),
    ...(stderr.includes('Traceback (most recent call last)') ? {} : { stderr }),
    exit,
  };
}

/** A case's sidecars: the arguments after the script path, and its stdin (empty when it has none). */
export function caseInputs(c: Pick<Case, 'file'>): { readonly args: readonly string[]; readonly stdin: Uint8Array } {
  const base = c.file.replace(/\.py$/, '');
  let args: string[] = [];
  if (existsSync(`${base}.args`)) {
    const parsed: unknown = JSON.parse(readFileSync(`${base}.args`, 'utf8'));
    if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) throw new Error(`${base}.args: not a JSON array of strings`);
    args = parsed;
  }
  const stdin = existsSync(`${base}.stdin`) ? new Uint8Array(readFileSync(`${base}.stdin`)) : new Uint8Array(0);
  return { args, stdin };
}

/**
 * What CPython does with the case (or the refusal its header states).
 * `args` replaces the `.args` sidecar when given.
 */
export function recordExpected(c: Case, args?: readonly string[]): Expected {
  const source = readFileSync(c.file, 'utf8');
  const header = /^# refused: (PTL\d{4}) (\d+):(\d+)/.exec(source);
  if (header) return { refused: { code: header[1]!, line: Number(header[2]), col: Number(header[3]) } };
  const inputs = caseInputs(c);
  const r = spawnSync('python3', [c.file, ...(args ?? inputs.args)], {
    encoding: 'utf8',
    cwd: dirname(c.file),
    input: inputs.stdin,
    env: { ...process.env, PYTHONHASHSEED: '0', ...(inputs.stdin.length > 0 ? { PYTHONIOENCODING: 'utf-8:strict' } : {}) },
  });
  if (r.error) throw r.error;
  return runResult(r.stdout, r.stderr, r.status ?? -1);
}

/**
 * What Portalis does with the case, through the same path as `portalis run`.
 * `args` replaces the `.args` sidecar when given.
 */
export async function runCase(c: Case, args?: readonly string[], options: ScriptCompileOptions = {}): Promise<Expected> {
  const inputs = caseInputs(c);
  const compiled = await compileScript(c.file, options);
  if (!compiled.ok) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error');
    return { refused: { code: first?.code ?? 'none', line: first?.range?.start.line ?? 0, col: first?.range?.start.column ?? 0 } };
  }
  let stdout = '';
  let stderr = '';
  const exit = await runScriptWasm(compiled.wasm, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    argv: [c.file, ...(args ?? inputs.args)],
    stdin: inputs.stdin,
  });
  return runResult(stdout, stderr, exit);
}
