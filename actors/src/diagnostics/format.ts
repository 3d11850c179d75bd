/**
 * Renders diagnostics for people: `file:line:col: error PTL1001: message`,
 * a code frame with a caret under the range, and the hint.
 * Used by the CLI and by the bundler plugin (which also passes `loc` and
 * `frame` separately so each bundler shows them in its own way).
 */
import type { Diagnostic } from './diagnostic.js';

export function formatLocation(d: Diagnostic): string {
  return d.range ? `${d.file}:${d.range.start.line}:${d.range.start.column}` : d.file;
}

/** The code frame: the offending line with one line of context and a caret. */
export function codeFrame(source: string, d: Diagnostic): string {
  if (!d.range) return '';
  const lines = source.split(/\r\n|\r|\n/);
  const { line, column } = d.range.start;
  const endCol = d.range.end.line === line ? Math.max(d.range.end.column, column + 1) : [...(lines[line - 1] ?? '')].length + 1;
  const width = String(Math.min(lines.length, line + 1)).length;
  const out: string[] = [];
  for (let n = Math.max(1, line - 1); n <= Math.min(lines.length, line); n++) {
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
  }
  if (line >= 1 && line <= lines.length) {
    const underline = ' '.repeat(column - 1) + '^'.repeat(Math.max(1, endCol - column));
    out.push(`  ${' '.repeat(width)} | ${underline}`);
  }
  return out.join('\n');
}

export function formatDiagnostic(d: Diagnostic, source?: string): string {
  const head = `${formatLocation(d)}: ${d.severity} ${d.code}: ${d.message}`;
  const frame = source !== undefined ? codeFrame(source, d) : '';
  return [head, frame, `  hint: ${d.hint}`].filter((s) => s !== '').join('\n');
}
