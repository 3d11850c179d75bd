/**
 * Which module ids the plugin compiles.
 *
 * The defaults are named constants; `idFilter()` turns the resolved
 * `include`/`exclude` into the hook-level `load.filter.id`, so bundlers with
 * native hook filters (Rollup >= 4.40, Vite, Rolldown) never call into the
 * plugin for other files, and unplugin applies the same filter in JS for the
 * rest (webpack, Rspack, esbuild). Exclude wins over include.
 */
import type { FilterPattern } from 'unplugin';

/** Python sources, by extension. */
export const PY_INCLUDE: RegExp[] = [/\.py$/];
/** Never compile Python shipped inside dependencies. */
export const PY_EXCLUDE: RegExp[] = [/[\\/]node_modules[\\/]/];

export interface IdFilter {
  include: FilterPattern;
  exclude: FilterPattern;
}

export function idFilter(options: { include: FilterPattern; exclude: FilterPattern }): IdFilter {
  return { include: options.include, exclude: options.exclude };
}

/**
 * The file path behind a module id: a user's `include` may match ids that
 * carry a query (`fib.py?v=1`, webpack resource queries); the compiler wants
 * the path alone.
 */
export function fileOf(id: string): string {
  const q = id.indexOf('?');
  return q === -1 ? id : id.slice(0, q);
}
