/**
 * Public surface of the ingest stage.
 */
export { ingest, parseSource, type IngestInput, type IngestOptions } from './ingest.js';
export type { IngestResult } from './types.js';
export type * from './ast.js';
export { dumpAst } from './dump.js';
