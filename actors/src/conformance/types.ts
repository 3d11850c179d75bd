/**
 * Types of the *test* stage (conformance against CPython).
 *
 * `checkConformance` runs every exported function of a module under `python3`
 * and under the packaged WASM on the same inputs and compares the outcomes.
 * Everything here is plain data (no bigint, no Error objects) so a report can
 * cross worker boundaries and be written as JSON by the CLI.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParamSpec, PyReturn } from '../spec/types.js';

/**
 * A Python value, encoded exactly.
 * Ints are decimal strings (any size); floats are their IEEE-754 bits as 16
 * lowercase hex digits (big-endian), so -0.0, inf and every NaN survive JSON.
 */
export type PyValue =
  | { readonly kind: 'int'; readonly value: string }
  /** An int too long to print cheaply (CPython result only); outside 64 bits by far. */
  | { readonly kind: 'hugeint'; readonly bitLength: number; readonly negative: boolean }
  | { readonly kind: 'float'; readonly bits: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  /** Anything else: a value of a type the spec does not allow (shown, never equal to anything). */
  | { readonly kind: 'other'; readonly repr: string };

/** What one side did with one call. */
export type Outcome =
  | {
      readonly kind: 'value';
      readonly value: PyValue;
      readonly ms: number;
      /**
       * CPython returned an int where the annotation says float (or a bool
       * where it says int), which PEP 484 allows; `value` is converted to the
       * annotated type, as JS receives it.
       */
      readonly convertedFrom?: 'int' | 'bool';
    }
  | { readonly kind: 'exception'; readonly type: string; readonly message: string; readonly ms: number }
  /** The call ran past the per-call time limit and was stopped. */
  | { readonly kind: 'timeout'; readonly ms: number }
  /**
   * The call did not end in a Python outcome: a WASM trap (`PortalisTrap`), a
   * JS error from the glue, or the CPython process dying.
   */
  | { readonly kind: 'crash'; readonly message: string };

export type Verdict = 'pass' | 'mismatch' | 'limit' | 'skip';

/** An explicit argument from the caller, coerced by the parameter's type. */
export type CaseArg = number | bigint | boolean | string;

export interface ConformanceOptions {
  /** Generated cases per function, at most (default 60). Explicit cases come on top. */
  readonly maxCases?: number;
  /** Seed of the pseudo-random part of the inputs (default 0x5eed). */
  readonly seed?: number;
  /** Per-call time limit on each side in milliseconds (default 1000). */
  readonly timeoutMs?: number;
  /** Explicit cases, by function name: each case is one argument list. */
  readonly cases?: Readonly<Record<string, ReadonlyArray<ReadonlyArray<CaseArg>>>>;
  /** Generate edge and random inputs (default true); false runs only `cases`. */
  readonly generate?: boolean;
  /** Only these functions (default: every export). */
  readonly functions?: readonly string[];
  /** The Python binary (default: $PORTALIS_PYTHON, else `python3`). */
  readonly python?: string;
}

export interface CaseReport {
  /** The arguments, exactly. */
  readonly args: readonly PyValue[];
  /** The call as Python would print it: `mod(-7, 2)`. */
  readonly call: string;
  /** Where the input came from. */
  readonly origin: 'edge' | 'pairwise' | 'random' | 'explicit';
  readonly verdict: Verdict;
  /** PTL5001/PTL5002 for a mismatch, PTL5004 for a limit. */
  readonly code?: 'PTL5001' | 'PTL5002' | 'PTL5004';
  /** What CPython did (null when the case never reached it). */
  readonly python: Outcome | null;
  /**
   * When CPython hit its default recursion limit, what it did with the limit
   * raised; the Portalis outcome is compared with this one.
   */
  readonly pythonDeep?: Outcome;
  /** What the WASM module did (null when it was not run, e.g. CPython timed out). */
  readonly portalis: Outcome | null;
  /** Why it is a skip, a limit or a mismatch, or a note on a pass. */
  readonly reason?: string;
}

export interface VerdictCounts {
  readonly cases: number;
  readonly pass: number;
  readonly mismatch: number;
  readonly limit: number;
  readonly skip: number;
}

export interface FunctionReport {
  readonly name: string;
  /** 1-based line of the `def`. */
  readonly line: number;
  readonly params: readonly ParamSpec[];
  readonly returns: PyReturn;
  readonly cases: readonly CaseReport[];
  readonly summary: VerdictCounts;
}

export interface ConformanceReport {
  readonly file: string;
  readonly module: string;
  /**
   * `ran`: the cases were run on both sides. `skipped`: nothing was compared
   * (python3 missing, or the module does not import under CPython); see
   * `skipReason`. A skipped report is never a pass.
   */
  readonly status: 'ran' | 'skipped';
  readonly skipReason?: string;
  /** No case is a mismatch. True for a skipped report too: check `status`. */
  readonly ok: boolean;
  /** The interpreter used, when it started. */
  readonly python: { readonly executable: string; readonly version: string } | null;
  readonly functions: readonly FunctionReport[];
  readonly summary: VerdictCounts;
  /** PTL5001/5002 (errors, one per function and kind), PTL5004 (warning), PTL5003 (warning). */
  readonly diagnostics: readonly Diagnostic[];
  readonly timeoutMs: number;
  readonly durationMs: number;
}
