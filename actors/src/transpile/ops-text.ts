/**
 * Rust for the text operations, methods and builtins (see ops.ts for the
 * entry format). Merged into OPS / METHOD_OPS by ops.ts.
 */
import type { OpEntry } from './ops.js';

export const TEXT_OPS: Readonly<Record<string, OpEntry>> = {};
export const TEXT_METHOD_OPS: Readonly<Record<string, OpEntry>> = {};
