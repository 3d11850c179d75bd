/**
 * The corpus cases Portalis cannot run correctly yet: `pending.json` maps a
 * case name (`strings/split_basic`) to the reason, the feature not yet
 * translated. The corpus test shows each one as a skip carrying its reason;
 * `npx tsx tests/conformance/update-pending.ts` drops the ones that pass.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from './corpus-cases.js';

export const PENDING_FILE = join(CORPUS_DIR, 'pending.json');

export type Pending = Record<string, string>;

export function readPending(): Pending {
  const parsed: unknown = JSON.parse(readFileSync(PENDING_FILE, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${PENDING_FILE}: expected an object of case name -> reason`);
  const out: Pending = {};
  for (const [name, reason] of Object.entries(parsed)) {
    if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`${PENDING_FILE}: ${name} needs a reason (a non-empty string)`);
    out[name] = reason;
  }
  return out;
}

/** Written sorted by name, one entry a line, so diffs stay small. */
export function writePending(pending: Pending): void {
  const sorted: Pending = {};
  for (const name of Object.keys(pending).sort()) sorted[name] = pending[name]!;
  writeFileSync(PENDING_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
}
