/**
 * The human-readable conformance report printed by `portalis test`.
 *
 * One header line, then per function a line with its signature and counts,
 * followed by every mismatch, the limits and the skips (grouped by reason,
 * with examples), and a final summary line that says PASSED, FAILED or
 * SKIPPED. Passing cases are counted, not listed, unless `verbose` is set.
 */
import { describeOutcome } from './judge.js';
import type { CaseReport, ConformanceReport, FunctionReport, VerdictCounts } from './types.js';

export interface FormatOptions {
  /** List passing cases too (default false). */
  readonly verbose?: boolean;
  /** At most this many mismatches and limits listed per function (default 20). */
  readonly maxListed?: number;
}

export function formatConformanceReport(report: ConformanceReport, options: FormatOptions = {}): string {
  const maxListed = options.maxListed ?? 20;
  const out: string[] = [];
  const py = report.python ? `CPython ${report.python.version}` : 'CPython not run';
  out.push(`conformance ${report.file} (${py}; ${seconds(report.durationMs)}, ${report.timeoutMs} ms per call)`);
  if (report.status === 'skipped') {
    out.push(`  SKIPPED: ${report.skipReason ?? 'no reason given'}`);
    out.push('result: SKIPPED (nothing was compared with CPython)');
    return out.join('\n');
  }
  for (const fn of report.functions) {
    out.push(`  ${signature(fn)}  line ${fn.line}: ${counts(fn.summary)}`);
    const mismatches = fn.cases.filter((c) => c.verdict === 'mismatch');
    const limits = fn.cases.filter((c) => c.verdict === 'limit');
    listCases(out, 'MISMATCH', mismatches, maxListed);
    listCases(out, 'limit', limits, maxListed);
    const skipsByReason = new Map<string, CaseReport[]>();
    for (const c of fn.cases) {
      if (c.verdict !== 'skip') continue;
      const key = skipGroup(c.reason ?? '');
      skipsByReason.set(key, [...(skipsByReason.get(key) ?? []), c]);
    }
    for (const [reason, cases] of skipsByReason) {
      const shown = cases.slice(0, 3).map((c) => c.call).join(', ');
      const more = cases.length > 3 ? `, and ${cases.length - 3} more` : '';
      out.push(`    skip      ${reason}: ${shown}${more}`);
    }
    if (options.verbose) {
      for (const c of fn.cases.filter((x) => x.verdict === 'pass')) {
        out.push(`    pass      ${c.call} = ${c.portalis ? describeOutcome(c.portalis) : '?'}${c.reason ? `  (${c.reason})` : ''}`);
      }
    }
  }
  const s = report.summary;
  const verdict = s.mismatch > 0 ? 'FAILED' : s.pass === 0 ? 'NOTHING VERIFIED' : 'PASSED';
  out.push(`result: ${verdict}: ${counts(s)} in ${report.functions.length} function${report.functions.length === 1 ? '' : 's'}`);
  return out.join('\n');
}

function listCases(out: string[], label: string, cases: readonly CaseReport[], max: number): void {
  for (const c of cases.slice(0, max)) {
    const py = c.pythonDeep ?? c.python;
    const code = c.code ? ` ${c.code}` : '';
    out.push(`    ${(label + code).padEnd(16)} ${c.call}`);
    out.push(`        CPython:  ${py ? describeOutcome(py) : 'not run'}${c.pythonDeep ? ' (with the recursion limit raised)' : ''}`);
    out.push(`        Portalis: ${c.portalis ? describeOutcome(c.portalis) : 'not run'}`);
    if (c.reason && label !== 'MISMATCH') out.push(`        ${c.reason}`);
  }
  if (cases.length > max) out.push(`    ... and ${cases.length - max} more`);
}

/** Skip reasons that differ only in numbers (timings) are grouped together. */
function skipGroup(reason: string): string {
  return reason.replace(/after \d+ ms/g, 'after the time limit');
}

function signature(fn: FunctionReport): string {
  return `${fn.name}(${fn.params.map((p) => `${p.name}: ${p.type}`).join(', ')}) -> ${fn.returns}`;
}

function counts(s: VerdictCounts): string {
  const parts = [`${s.pass} pass`];
  if (s.mismatch) parts.push(`${s.mismatch} MISMATCH`);
  if (s.limit) parts.push(`${s.limit} limit`);
  if (s.skip) parts.push(`${s.skip} skip`);
  return `${s.cases} case${s.cases === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
