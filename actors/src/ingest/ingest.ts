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
import { parseText } from './parser.js';
import { LineIndex } from './positions.js';
import { readSource } from './read-source.js';
import { checkScopes } from './scope-check.js';
import { explainParseError } from './syntax-errors.js';
import { checkTokens, type TokenErrors } from './tokenize-check.js';
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

  try {
    return parseChecked(file, source, lines, failed);
  } catch (err) {
    // Nesting deep enough to exhaust the JS stack in the recursive converters
    // (thousands of levels); CPython gives up on such input too, with a
    // RecursionError, at about 3000 levels.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      return failed({ message: 'too deeply nested: maximum recursion depth exceeded during compilation', start: 0, end: 0 });
    }
    throw err;
  }
}

function parseChecked(file: string, source: string, lines: LineIndex, failed: (e: SyntaxErrorInfo) => IngestResult): IngestResult {
  const { module, error } = parseSyntax(source, lines);
  if (error) return failed(error);
  // A well-formed tree can still fail CPython's symbol table and compiler checks.
  const compileError = checkScopes(module!);
  if (compileError) return failed(compileError);
  return { file, source, module, diagnostics: [] };
}

/**
 * The parser's part alone: the tree, or CPython's parser error (tokenizer
 * and grammar), without the symbol-table and compiler checks. f-string
 * replacement fields are parsed with it (convert-fstring.ts), as CPython
 * parses them with a parser of their own.
 */
export function parseSyntax(source: string, lines: LineIndex = new LineIndex(source)): { module: Module | null; error: SyntaxErrorInfo | null } {
  const tokens = checkTokens(source);
  // A tokenizer error CPython raises itself wins over any parse error (see
  // pickFirstError), so the parse can be skipped.
  if (tokens.token?.overrides) return { module: null, error: pickFirstError(tokens, null, lines, source) };
  const { tree, text, toSource } = parseText(source, tokens);
  let parseError: RankedError | null;
  let module: Module | null = null;
  if (tree.rootNode.hasError) {
    const e = explainParseError(tree, text) ?? { message: 'invalid syntax', start: 0, end: 0, generic: true, spanEnd: 0 };
    parseError = toSource ? { ...e, start: toSource(e.start), end: toSource(e.end), spanEnd: toSource(e.spanEnd) } : e;
  } else {
    const ctx = new ConvertContext(source, lines, tokens.newlines);
    module = convertModule(ctx, snapshotTree(tree, toSource));
    const first = earliest(ctx.errors);
    parseError = first ? { ...first, generic: first.message === 'invalid syntax', spanEnd: first.end } : null;
  }
  const error = pickFirstError(tokens, parseError, lines, source);
  return error ? { module: null, error } : { module, error: null };
}

/** A parse error with what is needed to rank it against tokenizer errors. */
type RankedError = SyntaxErrorInfo & {
  /** "invalid syntax" with no better explanation: CPython then reports any tokenizer error in the file instead. */
  readonly generic: boolean;
  /** End of the region tree-sitter could not parse (its error starts are often the statement start). */
  readonly spanEnd: number;
};

/**
 * Picks the error CPython reports first (Parser/pegen_errors.c):
 * - a token the parser rejects where it stands (`$`, an unexpected indent)
 *   beats a tree-sitter error region that contains it;
 * - a tokenizer error anywhere in the file beats a parse error, because
 *   CPython tokenizes the rest of the file before reporting one; an
 *   unexpected indent is the exception, it is reported before that check;
 * - an unclosed bracket is reported when the parser reached the end of the
 *   file, or failed on a later line than the bracket's.
 */
function pickFirstError(tokens: TokenErrors, parse: RankedError | null, lines: LineIndex, source: string): SyntaxErrorInfo | null {
  let parseError: SyntaxErrorInfo | null = parse;
  const bad = tokens.parse;
  if (bad && (!parse || bad.start <= parse.start || (parse.generic && bad.start <= parse.spanEnd))) parseError = bad;
  const token = tokens.token;
  if (token) {
    // Before the parse error, the parser meets it first. After it, CPython's
    // re-tokenization only replaces the parse error with errors the tokenizer
    // raises itself, and never an unexpected indent.
    if (parseError === null || token.seenAt < parseError.start) return token;
    if (token.overrides && parseError.message !== 'unexpected indent') return token;
  }
  const unclosed = tokens.unclosed;
  if (unclosed) {
    const atEnd = parseError !== null && source.slice(parseError.start).trim() === '';
    // CPython only suggests a missing comma when the brackets around it are closed.
    const comma = parseError !== null && parseError.message.endsWith('Perhaps you forgot a comma?');
    if (parseError === null || atEnd || comma || lines.lineOf(parseError.start) > unclosed.line) return unclosed;
  }
  return parseError;
}

function earliest(errors: readonly SyntaxErrorInfo[]): SyntaxErrorInfo | undefined {
  let best: SyntaxErrorInfo | undefined;
  for (const e of errors) if (best === undefined || e.start < best.start) best = e;
  return best;
}
