/**
 * Speed: a realistic 1,000-line module (the fixture programs, repeated with
 * renamed functions) must ingest quickly. The bound is loose and applies to
 * the best of several runs because the test machines are shared; the figures
 * are printed for the record.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSource } from './ingest.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

function thousandLineModule(): string {
  const programs = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.py') && f !== 'unsupported.py')
    .sort()
    .map((f) => readFileSync(FIXTURES + f, 'utf8'));
  const out: string[] = [];
  for (let round = 0; out.length < 1000; round++) {
    for (const p of programs) {
      const renamed = p.replace(/\bdef (\w+)/g, `def $1_${round}`).replace(/^from __future__ .*$/m, '');
      out.push(...renamed.trimEnd().split('\n'), '', '');
      if (out.length >= 1000) break;
    }
  }
  return `${out.join('\n')}\n`;
}

describe('ingest speed', () => {
  it('parses a 1,000-line module in well under 250 ms (best of 21 runs)', () => {
    const source = thousandLineModule();
    const lines = source.split('\n').length - 1;
    expect(lines).toBeGreaterThanOrEqual(1000);
    expect(parseSource('big.py', source).diagnostics).toEqual([]);
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      parseSource('big.py', source);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[10]!;
    console.log(`ingest: ${lines} lines, ${source.length} chars: median ${median.toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms`);
    // The best run is what the code costs; the median also measures the neighbours on a shared machine.
    expect(times[0]!).toBeLessThan(250);
  });
});
