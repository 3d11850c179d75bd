/**
 * The package stage's public surface: `packageModule` and its types.
 */

export { packageModule, resolvePackageOptions } from './package.js';
export type { PackageInput, PackageOptions, PackageResult, ResolvedPackageOptions } from './types.js';
