/**
 * Re-runs the pending corpus cases (`pending.json`) through `portalis run`'s
 * path and drops from the list every case that now matches CPython's
 * recorded result, printing what changed. Run it after a feature lands:
 *
 *   npx tsx tests/conformance/update-pending.ts             every pending case
 *   npx tsx tests/conformance/update-pending.ts strings io  cases under those areas (or exact names)
 *   npx tsx tests/conformance/update-pending.ts --add lists  also run the listed areas' other cases
 *                                                           and mark the failing ones pending
 *
 * Entries naming a case that no longer exists are removed. Afterwards it sets
 * the status of each row of docs/python-support.md's table (supported /
 * partial / (pending)) from the new list and prints the rows it changed:
 * read them, since a row turning partial may need its text split. `--add` writes the
 * first diagnostic (refusal) or the first differing field as the reason;
 * edit it into the feature's name if that reads better.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { type Case, type Expected, listCases, runCase } from './corpus-cases.js';
import { readPending, writePending } from './pending.js';
import { updateSupportDoc } from './support-table.js';

const CONCURRENCY = 2;

function selected(c: Case, filters: readonly string[]): boolean {
  return filters.length === 0 || filters.some((f) => c.name === f || c.name.startsWith(`${f}/`));
}

/** A one-line account of why `got` is not `expected`. */
export function describeMismatch(expected: Expected, got: Expected): string {
  if ('refused' in got && !('refused' in expected)) {
    return `refused today: ${got.refused.code} at ${got.refused.line}:${got.refused.col}`;
  }
  if ('refused' in got || 'refused' in expected) return `refusal differs: got ${JSON.stringify(got)}`;
  if (got.stdout !== expected.stdout) {
    const a = got.stdout.split('\n');
    const b = expected.stdout.split('\n');
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return `stdout line ${i + 1} differs: ${JSON.stringify(a[i] ?? '<end>')} instead of ${JSON.stringify(b[i] ?? '<end>')}`;
  }
  if (got.stderr_last_line !== expected.stderr_last_line) return `stderr ends ${JSON.stringify(got.stderr_last_line)} instead of ${JSON.stringify(expected.stderr_last_line)}`;
  if (got.exit !== expected.exit) return `exit status ${got.exit} instead of ${expected.exit}`;
  return 'stderr differs';
}

async function check(c: Case): Promise<{ ok: boolean; why: string }> {
  if (!existsSync(c.expectedFile)) return { ok: false, why: 'no recorded CPython result' };
  const expected = JSON.parse(readFileSync(c.expectedFile, 'utf8')) as Expected;
  let got: Expected;
  try {
    got = await runCase(c);
  } catch (err) {
    return { ok: false, why: `runCase threw: ${String(err).split('\n')[0]}` };
  }
  return isDeepStrictEqual(got, expected) ? { ok: true, why: '' } : { ok: false, why: describeMismatch(expected, got) };
}

async function inPool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}

async function main(argv: readonly string[]): Promise<void> {
  const add = argv.includes('--add');
  const filters = argv.filter((a) => a !== '--add');
  const pending = readPending();
  const cases = listCases();
  const known = new Set(cases.map((c) => c.name));
  let changed = 0;
  for (const name of Object.keys(pending)) {
    if (!known.has(name)) {
      console.log(`removed ${name}: no such case`);
      delete pending[name];
      changed++;
    }
  }
  const toRun = cases.filter((c) => selected(c, filters) && (c.name in pending || add));
  await inPool(toRun, async (c) => {
    const { ok, why } = await check(c);
    const wasPending = c.name in pending;
    if (ok && wasPending) {
      console.log(`passes now, removed: ${c.name} (was: ${pending[c.name]})`);
      delete pending[c.name];
      changed++;
    } else if (!ok && !wasPending) {
      console.log(`fails, added: ${c.name}: ${why}`);
      pending[c.name] = why;
      changed++;
    } else if (!ok) {
      console.log(`still pending: ${c.name}: ${why}`);
    }
  });
  writePending(pending);
  console.log(`${toRun.length} case(s) run, ${changed} change(s), ${Object.keys(pending).length} pending`);
  const rows = updateSupportDoc(pending);
  for (const line of rows) console.log(`status ${line}`);
  if (changed > 0 || rows.length > 0) console.log('commit tests/conformance/pending.json and docs/python-support.md together (support-table.test.ts checks one against the other)');
}

await main(process.argv.slice(2));
