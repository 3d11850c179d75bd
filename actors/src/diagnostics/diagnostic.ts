/**
 * Diagnostics: the data every stage reports problems with.
 *
 * Stages never throw for user mistakes; they return diagnostics. A diagnostic
 * carries a stable code (see codes.ts), a message, the file and a source range
 * (1-based line and column, 0-based offset, columns counted in code points),
 * and a hint. Diagnostics are plain data so they cross worker boundaries.
 */
import { codeInfo, type DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning' | 'note';

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in Unicode code points. */
  readonly column: number;
  /** 0-based offset into the source string (UTF-16 units). */
  readonly offset: number;
}

export interface SourceRange {
  readonly start: Position;
  readonly end: Position;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly range?: SourceRange;
  readonly hint: string;
  /** Which stage produced it. */
  readonly stage: StageName;
}

export type StageName = 'ingest' | 'analysis' | 'spec' | 'transpile' | 'build' | 'test' | 'package';

export interface DiagnosticInit {
  code: DiagnosticCode;
  message?: string;
  file: string;
  range?: SourceRange;
  hint?: string;
  severity?: Severity;
  stage: StageName;
}

/** Makes a diagnostic, filling the message and hint from the code table. */
export function diagnostic(init: DiagnosticInit): Diagnostic {
  const info = codeInfo(init.code);
  const d: Diagnostic = {
    code: init.code,
    severity: init.severity ?? 'error',
    message: init.message ?? info.title,
    file: init.file,
    hint: init.hint ?? info.hint,
    stage: init.stage,
    ...(init.range ? { range: init.range } : {}),
  };
  return d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
