/**
 * Module constants (`N = 10`, `G = 6.674e-11`, `TAU = 2 * math.pi`): typed
 * in source order (a constant may use the ones before it, math and builtins,
 * not functions), then folded to a literal when the value can be computed
 * here *exactly* as CPython computes it: exact int arithmetic with bigints,
 * the IEEE-754 operations JavaScript shares with C (+ - * /, sqrt), exact
 * conversions. Anything else (exp, log, sin, float ** ...) stays an
 * expression and the Rust code computes it with the support library.
 */
import type { SourceRange } from '../diagnostics/diagnostic.js';
import { fold } from './fold.js';
import { coerce, lowerValue, type Scope, type Signature } from './lower-expr.js';
import type { ModuleSymbols } from './module.js';
import type { Report } from './report.js';
import { annotationType } from './signatures.js';
import { convertTo } from './lower-values.js';
import { isScalar } from './ty.js';
import type { ConstantIR, LiteralExpr, ValueType } from './types.js';

export function analyzeConstants(
  symbols: ModuleSymbols,
  sigs: ReadonlyMap<string, Signature>,
  source: string,
  report: Report,
): { constants: ConstantIR[]; types: Map<string, ValueType | undefined> } {
  const types = new Map<string, ValueType | undefined>();
  const folded = new Map<string, LiteralExpr>();
  const constants: ConstantIR[] = [];
  for (const decl of symbols.constants) {
    const scope: Scope = {
      symbols,
      inConstant: true,
      report,
      local: () => undefined,
      constant(name) {
        const other = symbols.constantsByName.get(name);
        if (!other) return undefined;
        if (other.index >= decl.index) return { later: other.target.range };
        return { type: types.get(name) };
      },
      signature: (name) => sigs.get(name),
    };
    let value = lowerValue(decl.value, scope);
    if (value !== null && decl.annotation !== null) {
      const declared = annotationType(decl.annotation, source, report, false) as ValueType | undefined;
      const what = `constant \`${decl.name}\``;
      // Numbers by Python's implicit rules; containers get their `?` parts (`xs: list[str] = []`).
      value = !declared ? null : isScalar(declared) && isScalar(value.type) ? coerce(value, declared, what, decl.value.range, report) : convertTo(value, declared, decl.value.range, report, what);
    }
    types.set(decl.name, value?.type);
    if (value === null) continue;
    const result = fold(value, folded);
    if (result !== null && 'raises' in result) {
      report(
        result.raises === 'OverflowError' ? 'PTL3011' : 'PTL2011',
        decl.value.range,
        result.raises === 'OverflowError'
          ? `the value of \`${decl.name}\` does not fit in 64 bits`
          : `evaluating \`${decl.name}\` raises ${result.raises} (${result.message}), so the module cannot be imported`,
      );
      types.set(decl.name, undefined);
      continue;
    }
    if (result !== null) folded.set(decl.name, result);
    constants.push({
      name: decl.name,
      type: value.type,
      value: result ?? value,
      line: decl.target.range.start.line,
      range: rangeOf(decl.target.range, decl.value.range),
    });
  }
  return { constants, types };
}

function rangeOf(a: SourceRange, b: SourceRange): SourceRange {
  return { start: a.start, end: b.end };
}
