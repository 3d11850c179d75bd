/**
 * docs/python-support.md's "Supported" table against the corpus: every case
 * a row names exists, a row is marked (pending) exactly when every case it
 * names is in pending.json, and every corpus area has a row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, listCases } from './corpus-cases.js';
import { readPending } from './pending.js';

const DOC = join(CORPUS_DIR, '..', '..', 'docs', 'python-support.md');

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

describe('the supported-features table (docs/python-support.md)', () => {
  const rows = parseSupportTable(readFileSync(DOC, 'utf8'));
  const cases = new Set(listCases().map((c) => c.name));
  const pending = readPending();

  it('has rows, each naming at least one case and a status of supported or (pending)', () => {
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.cases.length === 0).map((r) => r.line)).toEqual([]);
    expect(rows.filter((r) => r.status !== 'supported' && r.status !== '(pending)').map((r) => `${r.line}: ${r.status}`)).toEqual([]);
  });

  it('names only cases that exist', () => {
    const missing = rows.flatMap((r) => r.cases.filter((c) => !cases.has(c)).map((c) => `${r.line}: ${c}`));
    expect(missing).toEqual([]);
  });

  it('marks a row (pending) exactly when every case it names is pending', () => {
    const wrong = rows
      .filter((r) => r.cases.every((c) => c in pending) !== (r.status === '(pending)'))
      .map((r) => `${r.line}: ${r.status}, pending cases ${r.cases.filter((c) => c in pending).length}/${r.cases.length}`);
    expect(wrong).toEqual([]);
  });

  it('has a row for every corpus area', () => {
    const named = new Set(rows.flatMap((r) => r.cases.map((c) => c.split('/')[0]!)));
    const areas = [...new Set([...cases].map((c) => c.split('/')[0]!))].sort();
    expect(areas.filter((a) => !named.has(a))).toEqual([]);
  });
});
