/**
 * `lambda` expressions. Refused until closures land (issue 3, functions as
 * values); kept in its own file so that work replaces this one function.
 */
import type * as ast from '../ingest/ast.js';
import type { Scope } from './lower-expr.js';
import { refuseExpression } from './refusals.js';
import type { TExpr } from './types.js';

export function lowerLambda(e: ast.Lambda, scope: Scope): TExpr | null {
  const refusal = refuseExpression('Lambda');
  scope.report(refusal.code, e.range, refusal.message, refusal.hint);
  return null;
}
