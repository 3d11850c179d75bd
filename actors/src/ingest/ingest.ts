/**
 * The ingest stage: source file → typed Python AST (ast.ts) + diagnostics.
 *
 *   read (read-source.ts: size, UTF-8, BOM)
 *   → parse with tree-sitter-python (parser.ts), copied to plain data (cst.ts)
 *   → convert to the AST (convert-*.ts), checking what tree-sitter accepts
 *     but CPython rejects
 *
 * It never throws for anything in the source: every problem is a diagnostic
 * (PTL1001 syntax error with CPython's message, PTL1002-1004 for reading).
 * Exactly one PTL1001 is reported, the one CPython would report first, and
 * `module` is then null; see types.ts.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Module } from './ast.js';
import { ConvertContext, type SyntaxErrorInfo } from './convert-context.js';
import { convertModule } from './convert-stmt.js';
import { snapshotTree } from './cst.js';
import { parseTree } from './parser.js';
import { LineIndex } from './positions.js';
import { readSource } from './read-source.js';
import { explainParseError } from './syntax-errors.js';
import type { IngestResult } from './types.js';

export type { IngestResult } from './types.js';

export interface IngestInput {
  readonly file: string;
  /** The source text, when the caller already has it (a bundler's `load`); otherwise the file is read. */
  readonly source?: string;
}

export interface IngestOptions {
  readonly signal?: AbortSignal;
}

/**
 * Reads and parses one Python module. Rejects only when `signal` is aborted
 * (with the signal's reason); every user-facing problem is a diagnostic.
 */
export async function ingest(input: IngestInput, opts: IngestOptions = {}): Promise<IngestResult> {
  opts.signal?.throwIfAborted();
  const read = await readSource(input.file, input.source);
  opts.signal?.throwIfAborted();
  if (!read.ok) return { file: input.file, source: '', module: null, diagnostics: [read.diagnostic] };
  return parseSource(input.file, read.source);
}

/** The synchronous core of `ingest`: parses text that was already read and decoded. */
export function parseSource(file: string, source: string): IngestResult {
  const lines = new LineIndex(source);
  const toDiagnostic = (e: SyntaxErrorInfo): Diagnostic =>
    diagnostic({ code: 'PTL1001', message: e.message, file, stage: 'ingest', range: lines.range(e.start, Math.max(e.end, e.start)) });
  const failed = (e: SyntaxErrorInfo): IngestResult => ({ file, source, module: null, diagnostics: [toDiagnostic(e)] });

  const nul = source.indexOf('\0');
  if (nul >= 0) return failed({ message: 'source code cannot contain null bytes', start: nul, end: nul + 1 });

  const tree = parseTree(source);
  if (tree.rootNode.hasError) {
    const e = explainParseError(tree, source) ?? { message: 'invalid syntax', start: 0, end: 0 };
    return failed(e);
  }

  const ctx = new ConvertContext(source, lines);
  const module: Module = convertModule(ctx, snapshotTree(tree));
  const first = earliest(ctx.errors);
  if (first) return failed(first);
  return { file, source, module, diagnostics: [] };
}

function earliest(errors: readonly SyntaxErrorInfo[]): SyntaxErrorInfo | undefined {
  let best: SyntaxErrorInfo | undefined;
  for (const e of errors) if (best === undefined || e.start < best.start) best = e;
  return best;
}
