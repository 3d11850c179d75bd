/**
 * State shared by the CST → AST converters (convert-stmt.ts, convert-expr.ts,
 * convert-args.ts): the source, its line index, and the syntax errors found
 * on the way. tree-sitter accepts some programs CPython rejects (`1 = x`,
 * `print "x"`, `def f(a=1, b)`); the converters notice those and record them
 * with CPython's message instead of building a wrong tree.
 */
import type { SourceRange } from '../diagnostics/diagnostic.js';
import type { CstNode } from './cst.js';
import type { LineIndex } from './positions.js';

export interface SyntaxErrorInfo {
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** IndentationError/TabError in CPython; still a syntax error (PTL1001) here. */
  readonly kind?: 'SyntaxError' | 'IndentationError' | 'TabError';
}

export class ConvertContext {
  readonly errors: SyntaxErrorInfo[] = [];

  constructor(
    readonly source: string,
    readonly lines: LineIndex,
    /** Offsets of logical line ends (tokenize-check.ts), ascending. */
    private readonly newlines: readonly number[] = [],
  ) {}

  /** The first logical line end inside [start, end), or -1. */
  newlineWithin(start: number, end: number): number {
    const nl = this.newlines;
    let lo = 0;
    let hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((nl[mid] as number) < start) lo = mid + 1;
      else hi = mid;
    }
    const found = nl[lo];
    return found !== undefined && found < end ? found : -1;
  }

  text(node: CstNode): string {
    return this.source.slice(node.start, node.end);
  }

  range(start: number, end: number): SourceRange {
    return this.lines.range(start, end);
  }

  rangeOf(node: CstNode): SourceRange {
    return this.lines.range(node.start, node.end);
  }

  error(message: string, start: number, end: number, kind?: SyntaxErrorInfo['kind']): void {
    this.errors.push(kind ? { message, start, end, kind } : { message, start, end });
  }

  errorAt(node: CstNode, message: string): void {
    this.error(message, node.start, node.end);
  }
}

/** An identifier's name. CPython normalises identifiers to NFKC (`𝐀` is `A`). */
export function identifierText(ctx: ConvertContext, node: CstNode): string {
  const text = ctx.text(node);
  return /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKC');
}
