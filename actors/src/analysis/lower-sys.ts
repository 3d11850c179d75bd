/**
 * Script mode's `sys` calls other than output statements (lower-print.ts):
 * `sys.stdin.read()`, `.readline()`, `.readlines()`, and
 * `sys.stdout.write(s)` / `sys.stderr.write(s)` used as a value (the count
 * of code points written). Returns undefined when the call is not one of
 * these, for the caller to lower as a method call.
 */
import type * as ast from '../ingest/ast.js';
import { lowerValue, type Scope } from './lower-expr.js';
import { isSysAttribute } from './lower-print.js';
import type { TExpr } from './types.js';

const STDIN_METHODS: Readonly<Record<string, { op: string; type: string }>> = {
  read: { op: 'io.stdin_read', type: 'str' },
  readline: { op: 'io.stdin_readline', type: 'str' },
  readlines: { op: 'io.stdin_readlines', type: 'list[str]' },
};

export function lowerSysCall(f: ast.Attribute, e: ast.Call, scope: Scope): TExpr | null | undefined {
  if (!scope.symbols.script) return undefined;
  if (isSysAttribute(f.value, 'stdin', scope)) {
    const m = STDIN_METHODS[f.attr];
    if (!m) {
      scope.report('PTL2007', f.range, `\`sys.stdin.${f.attr}()\` is not supported`, 'Use sys.stdin.read(), .readline(), .readlines() or `for line in sys.stdin`.');
      return null;
    }
    if (e.args.length > 0 || e.keywords.length > 0) {
      scope.report('PTL2010', e.range, `sys.stdin.${f.attr}() with arguments (a size or hint) is not supported`);
      return null;
    }
    return { kind: 'op', type: m.type, op: m.op, args: [] };
  }
  if (f.attr === 'write' && (isSysAttribute(f.value, 'stdout', scope) || isSysAttribute(f.value, 'stderr', scope))) {
    if (e.args.length !== 1 || e.keywords.length > 0) {
      scope.report('PTL3005', e.range, 'write() takes exactly one argument');
      return null;
    }
    const v = lowerValue(e.args[0]!, scope);
    if (v === null) return null;
    if (v.type !== 'str') {
      scope.report('PTL3003', e.args[0]!.range, `write() argument must be str, not ${v.type}`);
      return null;
    }
    const fd = isSysAttribute(f.value, 'stderr', scope) ? 2 : 1;
    return { kind: 'op', type: 'int', op: fd === 1 ? 'io.stdout_write' : 'io.stderr_write', args: [v] };
  }
  return undefined;
}
