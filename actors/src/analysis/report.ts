/**
 * Collects analysis diagnostics: every problem found in one pass, each
 * reported once (same code, range and message), returned in source order.
 */
import { diagnostic, type Diagnostic, type SourceRange } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';

export type Report = (code: DiagnosticCode, range: SourceRange | undefined, message: string, hint?: string) => void;

export class DiagnosticSink {
  private readonly seen = new Set<string>();
  private readonly list: Diagnostic[] = [];

  constructor(private readonly file: string) {}

  readonly report: Report = (code, range, message, hint) => {
    const key = `${code}|${range?.start.offset ?? -1}|${range?.end.offset ?? -1}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(
      diagnostic({ code, message, file: this.file, stage: 'analysis', ...(range ? { range } : {}), ...(hint !== undefined ? { hint } : {}) }),
    );
  };

  get count(): number {
    return this.list.length;
  }

  sorted(): Diagnostic[] {
    return [...this.list].sort(
      (a, b) => (a.range?.start.offset ?? -1) - (b.range?.start.offset ?? -1) || a.code.localeCompare(b.code),
    );
  }
}

/** A report that drops everything: used while inferring types, before the real pass. */
export const silent: Report = () => {};

/** `line:col` of a range, for messages that point at a second location. */
export function where(range: SourceRange): string {
  return `${range.start.line}:${range.start.column}`;
}
