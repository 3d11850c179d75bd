export { transpile, transpileSync, type TranspileInput, type TranspileResult } from './transpile.js';
