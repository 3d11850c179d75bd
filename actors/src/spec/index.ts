export { specify, specifySync, exportSpec, exportNameProblem, tsSignature, WIDE_SUFFIX, type SpecResult } from './spec.js';
export * from './types.js';
