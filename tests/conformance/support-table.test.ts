/**
 * docs/python-support.md's "Supported" table against the corpus: every case
 * a row names exists, each row's status agrees with pending.json
 * (`supported` / `partial` / `(pending)`), and every corpus area has a row.
 */
import { describe, expect, it } from 'vitest';
import { listCases } from './corpus-cases.js';
import { readPending } from './pending.js';
import { parseSupportTable, readSupportTable, staleRows, withStatuses } from './support-table.js';

describe('the supported-features table (docs/python-support.md)', () => {
  const rows = readSupportTable();
  const cases = new Set(listCases().map((c) => c.name));
  const pending = readPending();

  it('has rows, each naming at least one case', () => {
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.cases.length === 0).map((r) => r.line)).toEqual([]);
  });

  it('names only cases that exist', () => {
    const missing = rows.flatMap((r) => r.cases.filter((c) => !cases.has(c)).map((c) => `${r.line}: ${c}`));
    expect(missing).toEqual([]);
  });

  it('marks a row (pending) when all its cases are pending, partial when some are, supported when none', () => {
    expect(staleRows(rows, pending)).toEqual([]);
  });

  it('has a row for every corpus area', () => {
    const named = new Set(rows.flatMap((r) => r.cases.map((c) => c.split('/')[0]!)));
    const areas = [...new Set([...cases].map((c) => c.split('/')[0]!))].sort();
    expect(areas.filter((a) => !named.has(a))).toEqual([]);
  });

  it('parses escaped pipes inside cells and rejects rows without three cells', () => {
    const doc = ['## Supported', '', '| feature | status | proved by |', '| --- | --- | --- |', '| set `\\|` | supported | `sets/ops` `sets/dedupe` |', '', '## Next', '| x | y |'].join('\n');
    expect(parseSupportTable(doc)).toEqual([{ feature: 'set `\\|`', status: 'supported', cases: ['sets/ops', 'sets/dedupe'], line: 5 }]);
    expect(() => parseSupportTable('## Supported\n| a | b |\n')).toThrow(/expected 3 cells/);
  });

  it('rewrites status cells from pending.json and leaves the rest of the text alone', () => {
    const doc = ['## Supported', '| feature | status | proved by |', '| --- | --- | --- |', '| a `\\|` b | (pending) | `x/one` `x/two` |', '| c | supported | `x/three` |', '## Next', 'tail'].join('\n');
    const { text, changed } = withStatuses(doc, { 'x/two': 'r', 'x/three': 'r' });
    expect(text.split('\n')).toEqual(['## Supported', '| feature | status | proved by |', '| --- | --- | --- |', '| a `\\|` b | partial | `x/one` `x/two` |', '| c | (pending) | `x/three` |', '## Next', 'tail']);
    expect(changed).toHaveLength(2);
    expect(withStatuses(text, { 'x/two': 'r', 'x/three': 'r' }).changed).toEqual([]);
  });
});
