/**
 * The "Supported" table of docs/python-support.md: rows of
 * `| feature | status | proved by |`, the last cell naming corpus cases in
 * backticks. A row's status follows from pending.json: `supported` when
 * none of its cases is pending, `(pending)` when all are, `partial` between.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from './corpus-cases.js';
import type { Pending } from './pending.js';

export const SUPPORT_DOC = join(CORPUS_DIR, '..', '..', 'docs', 'python-support.md');

export type RowStatus = 'supported' | 'partial' | '(pending)';

export interface SupportRow {
  readonly feature: string;
  readonly status: string;
  readonly cases: readonly string[];
  readonly line: number;
}

/** The rows of the table under `## Supported` (cells split on unescaped `|`). */
export function parseSupportTable(markdown: string): SupportRow[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === '## Supported');
  if (start < 0) throw new Error('docs/python-support.md has no "## Supported" section');
  const rows: SupportRow[] = [];
  for (let i = start + 1; i < lines.length && !lines[i]!.startsWith('## '); i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('|')) continue;
    const cells = line
      .slice(1, line.endsWith('|') ? -1 : undefined)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
    if (cells[0] === 'feature' || /^-+$/.test(cells[0] ?? '')) continue;
    if (cells.length !== 3) throw new Error(`docs/python-support.md:${i + 1}: expected 3 cells (feature | status | proved by), got ${cells.length}`);
    const cases = [...cells[2]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    rows.push({ feature: cells[0]!, status: cells[1]!, cases, line: i + 1 });
  }
  return rows;
}

export function readSupportTable(): SupportRow[] {
  return parseSupportTable(readFileSync(SUPPORT_DOC, 'utf8'));
}

/** The status a row must show, given which cases are pending. */
export function statusFor(row: SupportRow, pending: Pending): RowStatus {
  const n = row.cases.filter((c) => c in pending).length;
  return n === 0 ? 'supported' : n === row.cases.length ? '(pending)' : 'partial';
}

/** `line: now X, should be Y` for every row whose status disagrees with pending.json. */
export function staleRows(rows: readonly SupportRow[], pending: Pending): string[] {
  return rows
    .filter((r) => r.status !== statusFor(r, pending))
    .map((r) => `docs/python-support.md:${r.line}: says ${r.status}, should say ${statusFor(r, pending)} (${r.cases.filter((c) => c in pending).length}/${r.cases.length} cases pending)`);
}

/**
 * The markdown with every row's status cell set from pending.json; `changed`
 * lists `line: old -> new` for the rows it rewrote.
 */
export function withStatuses(markdown: string, pending: Pending): { readonly text: string; readonly changed: string[] } {
  const lines = markdown.split('\n');
  const changed: string[] = [];
  for (const row of parseSupportTable(markdown)) {
    const want = statusFor(row, pending);
    if (row.status === want) continue;
    const line = lines[row.line - 1]!;
    const cells = line.split(/(?<!\\)\|/);
    // cells: ['', feature, status, cases, ''] for `| a | b | c |`
    cells[2] = ` ${want} `;
    lines[row.line - 1] = cells.join('|');
    changed.push(`docs/python-support.md:${row.line}: ${row.status} -> ${want} (${row.feature.slice(0, 60)})`);
  }
  return { text: lines.join('\n'), changed };
}

/** Rewrites the doc's status cells from pending.json; returns what changed. */
export function updateSupportDoc(pending: Pending): string[] {
  const { text, changed } = withStatuses(readFileSync(SUPPORT_DOC, 'utf8'), pending);
  if (changed.length > 0) writeFileSync(SUPPORT_DOC, text);
  return changed;
}
