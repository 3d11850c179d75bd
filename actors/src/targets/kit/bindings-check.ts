/**
 * Checks bindings against the compiled module's spec before anything is
 * written: the function exists, the number of inputs matches its
 * parameters, and a function returning None has no output. (The extension
 * runs the same checks at startup; USD paths can only be checked there.)
 */
import type { ModuleSpec } from '../../spec/types.js';
import type { KitBinding } from './options.js';

export function bindingProblems(spec: ModuleSpec, bindings: readonly KitBinding[]): string[] {
  const problems: string[] = [];
  bindings.forEach((binding, i) => {
    const where = `binding #${i + 1} (${binding.function})`;
    const fn = spec.exports.find((e) => e.name === binding.function);
    if (!fn) {
      problems.push(`${where}: ${spec.module}.py exports no function '${binding.function}' (it has ${spec.exports.map((e) => e.name).join(', ') || 'none'})`);
      return;
    }
    if (fn.boundary === 'wire') {
      problems.push(`${where}: ${fn.name}() takes or returns a str or a container, which bindings cannot pass yet (only int, float and bool)`);
      return;
    }
    const inputs = binding.inputs ?? [];
    if (inputs.length !== fn.params.length) {
      const signature = fn.params.map((p) => `${p.name}: ${p.type}`).join(', ');
      problems.push(`${where}: ${fn.name}(${signature}) takes ${fn.params.length} argument(s) but ${inputs.length} input(s) are bound`);
    }
    if (binding.output !== undefined && fn.returns === 'None') problems.push(`${where}: ${fn.name} returns None, so "output" has nothing to write`);
    const needsPrims = [...inputs, binding.output].some((s) => typeof s === 'string' && (s.startsWith('@') || s === 'index' || s === 'count'));
    if (needsPrims && binding.prims === undefined) problems.push(`${where}: @attribute, index and count inputs need "prims"`);
  });
  return problems;
}
