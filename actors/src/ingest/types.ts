/**
 * What the ingest stage hands to analysis (see docs/architecture.md).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Module } from './ast.js';

export interface IngestResult {
  readonly file: string;
  /**
   * The source text the AST's offsets index into: the file decoded as UTF-8
   * with a leading BOM removed ('' when the file could not be read).
   */
  readonly source: string;
  /**
   * The module's AST; null whenever `diagnostics` holds an error (unreadable
   * file, invalid UTF-8, too large, or a syntax error). There is no partial
   * tree: later stages only ever see programs CPython would compile.
   */
  readonly module: Module | null;
  readonly diagnostics: Diagnostic[];
}
