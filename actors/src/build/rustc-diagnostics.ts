/**
 * Turns rustc's `--error-format=json` output into one PTL4002 message.
 *
 * rustc prints one JSON object per line on stderr; we take the first
 * `error`, its code and its primary span in the generated .rs file. A
 * rustc failure is always a Portalis bug (the translator wrote Rust that
 * does not compile), so the message says so.
 */

interface RustcSpan {
  file_name: string;
  line_start: number;
  column_start: number;
  is_primary: boolean;
}

interface RustcDiagnostic {
  message: string;
  level: string;
  code: { code: string } | null;
  spans: RustcSpan[];
  rendered: string | null;
}

export interface RustcError {
  readonly message: string;
  readonly code: string | null;
  /** `file.rs:line:col` in the generated source, when rustc gave one. */
  readonly location: string | null;
  readonly rendered: string | null;
  /** How many errors rustc reported in all. */
  readonly count: number;
}

export function firstRustcError(stderr: string): RustcError | null {
  const errors: RustcDiagnostic[] = [];
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const d = JSON.parse(line) as RustcDiagnostic;
      if (d.level === 'error' || d.level === 'error: internal compiler error') errors.push(d);
    } catch {
      // not a diagnostic line
    }
  }
  // rustc ends with "aborting due to N previous errors"; prefer a real one.
  const real = errors.filter((e) => !/^aborting due to/.test(e.message));
  const first = real[0] ?? errors[0];
  if (!first) return null;
  const span = first.spans.find((s) => s.is_primary) ?? first.spans[0];
  return {
    message: first.message,
    code: first.code?.code ?? null,
    location: span ? `${span.file_name}:${span.line_start}:${span.column_start}` : null,
    rendered: first.rendered,
    count: real.length,
  };
}

/** rustc's plain-text output when it printed no JSON (crash, killed, bad flags). */
export function rustcTextExcerpt(stderr: string, maxLines = 12): string {
  const lines = stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('{'))
    .slice(0, maxLines);
  return lines.join('\n');
}
