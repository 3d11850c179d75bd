/**
 * Script mode's `sys` calls other than output (lower-print.ts): reading
 * stdin. `input()` is a builtin and lives here too. Returns undefined when
 * the call is not one of these.
 */
import type * as ast from '../ingest/ast.js';
import type { Scope } from './lower-expr.js';
import type { TExpr } from './types.js';

export function lowerSysCall(_f: ast.Attribute, _e: ast.Call, _scope: Scope): TExpr | null | undefined {
  return undefined;
}
