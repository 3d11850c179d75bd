/**
 * Rust for the containers operations, methods and builtins (see ops.ts for the
 * entry format). Merged into OPS / METHOD_OPS by ops.ts.
 */
import type { OpEntry } from './ops.js';

export const CONTAINERS_OPS: Readonly<Record<string, OpEntry>> = {};
export const CONTAINERS_METHOD_OPS: Readonly<Record<string, OpEntry>> = {};
