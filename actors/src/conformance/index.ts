/**
 * The *test* stage: conformance of a translated module against CPython.
 * See conformance.ts for how a run goes and judge.ts for the verdicts.
 */
export { checkConformance, runConformance, runtimeUrl, DEFAULT_TIMEOUT_MS, type ConformanceInput, type RunConformanceInput } from './conformance.js';
export { formatConformanceReport, type FormatOptions } from './format-report.js';
export { DEFAULT_MAX_CASES, DEFAULT_SEED } from './inputs.js';
export type {
  CaseArg,
  CaseReport,
  ConformanceOptions,
  ConformanceReport,
  FunctionReport,
  Outcome,
  PyValue,
  Verdict,
  VerdictCounts,
} from './types.js';
