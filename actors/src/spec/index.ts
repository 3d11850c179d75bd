export { specify, specifySync, exportSpec, exportNameProblem, tsSignature, tsType, boundaryOf, WIDE_SUFFIX, WIRE_SUFFIX, type SpecResult } from './spec.js';
export * from './boundary-type.js';
export * from './types.js';
