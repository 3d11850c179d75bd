/**
 * Source positions: turns 0-based UTF-16 offsets (what tree-sitter reports for
 * a JS string, and what JS string indexing uses) into the `Position` every
 * diagnostic and AST node carries: 1-based line, 1-based column counted in
 * Unicode code points, and the offset itself.
 *
 * Lines end at `\r\n`, `\r` or `\n`, as in CPython's tokenizer and in
 * diagnostics/format.ts. Columns differ from offsets only on lines holding
 * astral characters (surrogate pairs), so the common case is a subtraction.
 */
import type { Position, SourceRange } from '../diagnostics/diagnostic.js';

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];
  /** Whether the source holds any surrogate code unit at all. */
  private readonly hasSurrogates: boolean;

  constructor(private readonly source: string) {
    const starts = [0];
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
    this.hasSurrogates = /[\uD800-\uDFFF]/.test(source);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based offset where 1-based `line` starts. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1] ?? 0;
  }

  /** 1-based line holding `offset`. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  position(offset: number): Position {
    const o = Math.min(Math.max(offset, 0), this.source.length);
    const line = this.lineOf(o);
    const start = this.starts[line - 1] as number;
    let column = o - start + 1;
    if (this.hasSurrogates) {
      // A surrogate pair is one code point: do not count its low half.
      for (let i = start + 1; i < o; i++) {
        const c = this.source.charCodeAt(i);
        if (c >= 0xdc00 && c <= 0xdfff) {
          const p = this.source.charCodeAt(i - 1);
          if (p >= 0xd800 && p <= 0xdbff) column--;
        }
      }
    }
    return { line, column, offset: o };
  }

  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(end) };
  }
}
