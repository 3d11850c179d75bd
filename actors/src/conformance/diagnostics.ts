/**
 * The diagnostics a conformance report carries, and its verdict counts.
 *
 * Mismatches become one PTL5001 (values differ) and/or one PTL5002
 * (exceptions differ) error per function, at the function's name on its
 * `def` line, naming up to three failing calls. Limits become one PTL5004
 * warning per function. A missing python3 is a PTL5003 warning and a module
 * that does not import under CPython a PTL5005 warning: the report is then a
 * skip, never a pass.
 */
import { diagnostic, type Diagnostic, type SourceRange } from '../diagnostics/diagnostic.js';
import { describeOutcome } from './judge.js';
import type { CaseReport, FunctionReport, VerdictCounts } from './types.js';

const EXAMPLES = 3;

export function summarize(cases: readonly CaseReport[]): VerdictCounts {
  const counts = { cases: cases.length, pass: 0, mismatch: 0, limit: 0, skip: 0 };
  for (const c of cases) counts[c.verdict]++;
  return counts;
}

export const buildDiagnostics = {
  pythonMissing(file: string, python: string, why: string): Diagnostic {
    return diagnostic({
      code: 'PTL5003',
      severity: 'warning',
      message: `no working python3 (tried ${JSON.stringify(python)}: ${why}); conformance against CPython was skipped`,
      file,
      stage: 'test',
    });
  },

  importFailed(file: string, why: string): Diagnostic {
    return diagnostic({
      code: 'PTL5005',
      severity: 'warning',
      message: `the module does not run under CPython (${why}); conformance was skipped`,
      file,
      stage: 'test',
    });
  },

  forFunctions(file: string, source: string, functions: readonly FunctionReport[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const fn of functions) {
      const range = defRange(source, fn.line, fn.name);
      const at = range ? { range } : {};
      for (const code of ['PTL5001', 'PTL5002'] as const) {
        const bad = fn.cases.filter((c) => c.verdict === 'mismatch' && c.code === code);
        if (bad.length === 0) continue;
        out.push(diagnostic({
          code,
          message: `${fn.name}() ${code === 'PTL5001' ? 'returns a different result than' : 'raises differently from'} CPython on ${plural(bad.length, 'input')}: ${examples(bad)}`,
          file,
          ...at,
          stage: 'test',
        }));
      }
      const limits = fn.cases.filter((c) => c.verdict === 'limit');
      if (limits.length > 0) {
        out.push(diagnostic({
          code: 'PTL5004',
          severity: 'warning',
          message: `${fn.name}() needs ints beyond 64 bits on ${plural(limits.length, 'input')} (Portalis raises OverflowError): ${examples(limits)}`,
          file,
          ...at,
          stage: 'test',
        }));
      }
    }
    return out;
  },
};

function examples(cases: readonly CaseReport[]): string {
  const shown = cases.slice(0, EXAMPLES).map((c) => {
    const py = c.pythonDeep ?? c.python;
    return `${c.call} → CPython ${py ? describeOutcome(py) : '?'}, Portalis ${c.portalis ? describeOutcome(c.portalis) : 'not run'}`;
  });
  const more = cases.length > EXAMPLES ? `; and ${cases.length - EXAMPLES} more` : '';
  return shown.join('; ') + more;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The function's name on its `def` line (1-based line), or the whole line when the name is not found there. */
export function defRange(source: string, line: number, name: string): SourceRange | undefined {
  // Offsets count UTF-16 units from the start of the source.
  const breaks = /\r\n|\r|\n/g;
  let offset = 0;
  for (let n = 1; n < line; n++) {
    const br = breaks.exec(source);
    if (!br) return undefined;
    offset = br.index + br[0].length;
  }
  const rest = source.slice(offset);
  const eol = rest.search(/\r|\n/);
  const text = eol < 0 ? rest : rest.slice(0, eol);
  // Python identifiers hold no regex metacharacters; they may hold non-ASCII letters.
  const m = new RegExp(`(?<![\\p{L}\\p{N}_])def\\s+${name}(?![\\p{L}\\p{N}_])`, 'u').exec(text);
  const startIdx = m ? m.index + m[0].length - name.length : Math.max(0, text.search(/\S/));
  const endIdx = m ? startIdx + name.length : text.length;
  const col = (i: number) => [...text.slice(0, i)].length + 1;
  return {
    start: { line, column: col(startIdx), offset: offset + startIdx },
    end: { line, column: col(endIdx), offset: offset + endIdx },
  };
}
