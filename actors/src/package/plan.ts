/**
 * Local JS names for a module's functions and parameters, chosen once and
 * shared by the glue and the `.d.ts` so both agree (see names.ts).
 */

import type { ModuleSpec } from '../spec/types.js';
import { FUNCTION_LOCALS, GLUE_NAMES } from './glue.js';
import { bindingName, isIdentifierName } from './names.js';

export interface ModuleNames {
  /** Python function name → local binding in the module. */
  readonly functions: ReadonlyMap<string, string>;
  /** Python function name → (Python parameter name → local binding). */
  readonly params: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Chooses the names; throws (a Portalis bug upstream) for a name JS cannot spell at all. */
export function planNames(spec: ModuleSpec): ModuleNames {
  const moduleTaken = new Set<string>(GLUE_NAMES);
  // Python names first, so a function keeps its name unless it is reserved.
  const wanted = spec.exports.map((fn) => fn.name);
  for (const name of wanted) {
    if (!isIdentifierName(name)) throw new Error(`package: export ${JSON.stringify(name)} is not a JavaScript identifier`);
  }
  const functions = new Map<string, string>();
  const unreserved = wanted.filter((name) => bindingName(name, new Set(moduleTaken)) === name);
  for (const name of unreserved) moduleTaken.add(name);
  for (const name of wanted) functions.set(name, unreserved.includes(name) ? name : bindingName(name, moduleTaken));

  const params = new Map<string, Map<string, string>>();
  for (const fn of spec.exports) {
    // Parameters may shadow other functions of the module (the glue never
    // calls them), but not the glue's own names or the function's locals.
    const reserved = [...GLUE_NAMES, ...FUNCTION_LOCALS];
    const byName = new Map<string, string>();
    for (const param of fn.params) {
      if (!isIdentifierName(param.name)) {
        throw new Error(`package: parameter ${JSON.stringify(param.name)} of ${fn.name}() is not a JavaScript identifier`);
      }
    }
    for (const param of fn.params) {
      // Taken: the glue's names, names already chosen, and the other
      // parameters' own names (so a rename never lands on a sibling).
      const taken = new Set<string>([...reserved, ...byName.values(), ...fn.params.filter((p) => p !== param).map((p) => p.name)]);
      byName.set(param.name, bindingName(param.name, taken));
    }
    params.set(fn.name, byName);
  }
  return { functions, params };
}
