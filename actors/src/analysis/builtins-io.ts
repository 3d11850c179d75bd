/**
 * Builtins and special methods of the io area (lower-builtins.ts and
 * lower-method.ts look them up by name, after their own tables).
 */
import type { BuiltinLowering } from './lower-builtins.js';
import type { SpecialMethod } from './lower-method.js';

/** Builtin functions by name (`ord`, ...). */
export const IO_BUILTINS: Readonly<Record<string, BuiltinLowering>> = {};
/** Methods needing more than a signature, by `<class>.<method>`. */
export const IO_METHODS: Readonly<Record<string, SpecialMethod>> = {};
