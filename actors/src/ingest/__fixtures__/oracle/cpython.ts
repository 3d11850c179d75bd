/**
 * Test helper: runs cpython_ast.py (python3's own parser and compiler) on a
 * batch of sources in one process. Used by the differential tests.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const python = process.env.PORTALIS_PYTHON ?? 'python3';
export const hasPython = spawnSync(python, ['--version']).status === 0;

export type CPythonView =
  | { readonly error: [message: string, line: number, column: number] }
  | { readonly plain: string; readonly modelled: boolean; readonly masked: string; readonly attrs: string; readonly full: string };

const SCRIPT = fileURLToPath(new URL('./cpython_ast.py', import.meta.url));

export function cpythonView(sources: readonly string[]): CPythonView[] {
  const r = spawnSync(python, [SCRIPT], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${python} ${SCRIPT} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as CPythonView[];
}
