/**
 * Builtins and special methods of the io area (lower-builtins.ts and
 * lower-method.ts look them up by name, after their own tables): `input()`.
 */
import type { BuiltinLowering } from './lower-builtins.js';
import { lowerValue } from './lower-expr.js';
import type { SpecialMethod } from './lower-method.js';

const input: BuiltinLowering = (e, scope) => {
  if (!scope.symbols.script) {
    scope.report('PTL2007', e.range, '`input()` is only available in script mode (portalis run)', 'A library module has no stdin; pass the text as a parameter.');
    return null;
  }
  if (e.keywords.length > 0) {
    scope.report('PTL3005', e.keywords[0]!.range, 'input() takes no keyword arguments');
    return null;
  }
  if (e.args.length > 1) {
    scope.report('PTL3005', e.range, `input expected at most 1 argument, got ${e.args.length}`);
    return null;
  }
  const prompt = e.args[0] ? lowerValue(e.args[0], scope) : null;
  if (e.args[0] && prompt === null) return null;
  if (prompt && prompt.type !== 'str') {
    // CPython writes str(prompt); keep to strings.
    const asStr = { kind: 'op' as const, type: 'str', op: 'builtin.str', args: [prompt] };
    return { kind: 'op', type: 'str', op: 'io.input', args: [asStr] };
  }
  return { kind: 'op', type: 'str', op: 'io.input', args: [prompt] };
};

/** Builtin functions by name. */
export const IO_BUILTINS: Readonly<Record<string, BuiltinLowering>> = { input };
/** Methods needing more than a signature, by `<class>.<method>`. */
export const IO_METHODS: Readonly<Record<string, SpecialMethod>> = {};
