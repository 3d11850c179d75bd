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
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

/** What CPython does with the case (or the refusal its header states). */
export function recordExpected(c: Case, args: readonly string[] = []): Expected {
  const source = readFileSync(c.file, 'utf8');
  const header = /^# refused: (PTL\d{4}) (\d+):(\d+)/.exec(source);
  if (header) return { refused: { code: header[1]!, line: Number(header[2]), col: Number(header[3]) } };
  const r = spawnSync('python3', [c.file, ...args], { encoding: 'utf8', cwd: dirname(c.file), env: { ...process.env, PYTHONHASHSEED: '0' } });
  if (r.error) throw r.error;
  return runResult(r.stdout, r.stderr, r.status ?? -1);
}

/** What Portalis does with the case, through the same path as `portalis run`. */
export async function runCase(c: Case, args: readonly string[] = [], options: ScriptCompileOptions = {}): Promise<Expected> {
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
    argv: [c.file, ...args],
  });
  return runResult(stdout, stderr, exit);
}
