export { analyze, analyzeSync, moduleNameOf, type AnalysisInput } from './analysis.js';
export type * from './types.js';
