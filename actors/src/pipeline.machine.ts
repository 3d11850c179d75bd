/**
 * The compile pipeline as an XState v5 machine.
 *
 * The machine only orchestrates: each state invokes one stage (a plain async
 * function registered with `fromPromise`), stores its result in context and
 * moves on. A stage that reports error diagnostics sends the machine to
 * `failed` (a typed outcome, not an exception); a stage that throws is a
 * Portalis bug and becomes a PTL9001 diagnostic naming the stage and file.
 * Stopping the actor aborts the running stage through its `signal`, which
 * reaches rustc, the CPython process and the conformance worker.
 *
 *   ingest → analysis → spec → transpile → build → [test] → package → done
 */
import { assign, fromPromise, setup } from 'xstate';
import { diagnostic, hasErrors, type Diagnostic, type StageName } from './diagnostics/diagnostic.js';
import { ingest } from './ingest/ingest.js';
import type { IngestResult } from './ingest/types.js';
import { analyze } from './analysis/analysis.js';
import type { AnalysisResult } from './analysis/types.js';
import { specify } from './spec/spec.js';
import type { ModuleSpec } from './spec/types.js';
import { transpile } from './transpile/transpile.js';
import { buildWasm } from './build/build.js';
import { checkConformance } from './conformance/conformance.js';
import type { ConformanceReport } from './conformance/index.js';
import { packageModule } from './package/package.js';
import type { CompileInput, CompileOptions, CompileResult } from './compile-types.js';

export interface PipelineInput {
  readonly input: CompileInput;
  readonly options: CompileOptions;
}

interface PipelineContext {
  readonly job: PipelineInput;
  source: string;
  diagnostics: Diagnostic[];
  timings: Partial<Record<StageName, number>>;
  failedStage: StageName | null;
  ingest?: IngestResult;
  analysis?: AnalysisResult;
  spec?: ModuleSpec;
  rust?: string;
  wasm?: Uint8Array;
  cached: boolean;
  conformance?: ConformanceReport;
  js?: string;
  dts?: string;
  wasmFileName?: string | null;
}

/** A stage's result as the machine sees it: its diagnostics, its payload and how long it took. */
interface StageDone<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
  readonly millis: number;
}

async function timed<T>(run: () => Promise<T>, diagnosticsOf: (value: T) => readonly Diagnostic[]): Promise<StageDone<T>> {
  const started = performance.now();
  const value = await run();
  return { value, diagnostics: diagnosticsOf(value), millis: performance.now() - started };
}

const ingestStage = fromPromise(async ({ input, signal }: { input: CompileInput; signal: AbortSignal }) =>
  timed(() => ingest(input, { signal }), (r) => r.diagnostics),
);
const analysisStage = fromPromise(async ({ input }: { input: IngestResult }) => timed(() => analyze(input), (r) => r.diagnostics));
const specStage = fromPromise(async ({ input }: { input: AnalysisResult }) => timed(() => specify(input), (r) => r.diagnostics));
const transpileStage = fromPromise(async ({ input }: { input: { analysis: AnalysisResult; spec: ModuleSpec } }) =>
  timed(() => transpile(input), (r) => r.diagnostics),
);
const buildStage = fromPromise(
  async ({ input, signal }: { input: { file: string; rust: string; spec: ModuleSpec; options: CompileOptions }; signal: AbortSignal }) =>
    timed(
      () =>
        buildWasm(
          {
            file: input.file,
            rust: input.rust,
            spec: input.spec,
            options: {
              ...(input.options.optLevel ? { optLevel: input.options.optLevel } : {}),
              ...(input.options.cacheDir ? { cacheDir: input.options.cacheDir } : {}),
            },
          },
          { signal },
        ),
      (r) => (r.ok ? [] : r.diagnostics),
    ),
);
const testStage = fromPromise(
  async ({ input, signal }: { input: { file: string; source: string; spec: ModuleSpec; wasm: Uint8Array }; signal: AbortSignal }) =>
    timed(() => checkConformance(input, { signal }), (r) => r.diagnostics),
);
const packageStage = fromPromise(async ({ input }: { input: { spec: ModuleSpec; wasm: Uint8Array; options: CompileOptions } }) =>
  timed(
    () =>
      packageModule({
        spec: input.spec,
        wasm: input.wasm,
        options: {
          wasm: input.options.wasm ?? 'inline',
          intMode: input.options.intMode ?? 'number',
          ...(input.options.wasmFileName ? { wasmFileName: input.options.wasmFileName } : {}),
          ...(input.options.runtimeImport ? { runtimeImport: input.options.runtimeImport } : {}),
        },
      }),
    () => [],
  ),
);

/** Records a finished stage: its time and diagnostics. */
function record(context: PipelineContext, stage: StageName, done: StageDone<unknown>): Partial<PipelineContext> {
  return {
    timings: { ...context.timings, [stage]: done.millis },
    diagnostics: [...context.diagnostics, ...done.diagnostics],
  };
}

/** A stage threw: a Portalis bug, reported as data with the stage and file. */
function crashed(context: PipelineContext, stage: StageName, error: unknown): Partial<PipelineContext> {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    failedStage: stage,
    diagnostics: [
      ...context.diagnostics,
      diagnostic({
        code: 'PTL9001',
        stage,
        file: context.job.input.file,
        message: `internal compiler error in the ${stage} stage: ${detail}`,
      }),
    ],
  };
}

const stageHasErrors = ({ event }: { event: unknown }) => hasErrors((event as { output: StageDone<unknown> }).output.diagnostics);

export const pipelineMachine = setup({
  types: {
    context: {} as PipelineContext,
    input: {} as PipelineInput,
    output: {} as CompileResult,
  },
  actors: { ingestStage, analysisStage, specStage, transpileStage, buildStage, testStage, packageStage },
  guards: { stageHasErrors },
}).createMachine({
  id: 'portalis-pipeline',
  context: ({ input }) => ({
    job: input,
    source: input.input.source ?? '',
    diagnostics: [],
    timings: {},
    failedStage: null,
    cached: false,
  }),
  initial: 'ingest',
  states: {
    /** Read, validate and parse the source into the typed AST. */
    ingest: {
      invoke: {
        src: 'ingestStage',
        input: ({ context }) => context.job.input,
        onDone: [
          {
            guard: 'stageHasErrors',
            target: 'failed',
            actions: assign(({ context, event }) => ({ ...record(context, 'ingest', event.output), source: event.output.value.source, failedStage: 'ingest' as const })),
          },
          {
            target: 'analysis',
            actions: assign(({ context, event }) => ({ ...record(context, 'ingest', event.output), source: event.output.value.source, ingest: event.output.value })),
          },
        ],
        onError: { target: 'failed', actions: assign(({ context, event }) => crashed(context, 'ingest', event.error)) },
      },
    },
    /** Symbols, types, the public API, and refusal of unsupported constructs. */
    analysis: {
      invoke: {
        src: 'analysisStage',
        input: ({ context }) => context.ingest!,
        onDone: [
          { guard: 'stageHasErrors', target: 'failed', actions: assign(({ context, event }) => ({ ...record(context, 'analysis', event.output), failedStage: 'analysis' as const })) },
          { target: 'spec', actions: assign(({ context, event }) => ({ ...record(context, 'analysis', event.output), analysis: event.output.value })) },
        ],
        onError: { target: 'failed', actions: assign(({ context, event }) => crashed(context, 'analysis', event.error)) },
      },
    },
    /** Rust types, the WASM export ABI and the TypeScript signatures. */
    spec: {
      invoke: {
        src: 'specStage',
        input: ({ context }) => context.analysis!,
        onDone: [
          { guard: 'stageHasErrors', target: 'failed', actions: assign(({ context, event }) => ({ ...record(context, 'spec', event.output), failedStage: 'spec' as const })) },
          { target: 'transpile', actions: assign(({ context, event }) => ({ ...record(context, 'spec', event.output), spec: event.output.value.spec })) },
        ],
        onError: { target: 'failed', actions: assign(({ context, event }) => crashed(context, 'spec', event.error)) },
      },
    },
    /** Readable Rust source. */
    transpile: {
      invoke: {
        src: 'transpileStage',
        input: ({ context }) => ({ analysis: context.analysis!, spec: context.spec! }),
        onDone: [
          { guard: 'stageHasErrors', target: 'failed', actions: assign(({ context, event }) => ({ ...record(context, 'transpile', event.output), failedStage: 'transpile' as const })) },
          { target: 'build', actions: assign(({ context, event }) => ({ ...record(context, 'transpile', event.output), rust: event.output.value.rust })) },
        ],
        onError: { target: 'failed', actions: assign(({ context, event }) => crashed(context, 'transpile', event.error)) },
      },
    },
    /** rustc to wasm32-unknown-unknown, through the content-addressed cache. */
    build: {
      invoke: {
        src: 'buildStage',
        input: ({ context }) => ({ file: context.job.input.file, rust: context.rust!, spec: context.spec!, options: context.job.options }),
        onDone: [
          { guard: 'stageHasErrors', target: 'failed', actions: assign(({ context, event }) => ({ ...record(context, 'build', event.output), failedStage: 'build' as const })) },
          {
            target: 'deciding',
            actions: assign(({ context, event }) => {
              const built = event.output.value;
              return { ...record(context, 'build', event.output), ...(built.ok ? { wasm: built.wasm, cached: built.cached } : {}) };
            }),
          },
        ],
        onError: { target: 'failed', actions: assign(({ context, event }) => crashed(context, 'build', event.error)) },
      },
    },
    /** Conformance runs only when asked for (it starts python3). */
    deciding: {
      always: [{ guard: ({ context }) => context.job.options.conformance === true, target: 'test' }, { target: 'package' }],
    },
    /** Conformance: the Python under CPython and the WASM on the same inputs. */
    test: {
      invoke: {
        src: 'testStage',
        input: ({ context }) => ({ file: context.job.input.file, source: context.source, spec: context.spec!, wasm: context.wasm! }),
        onDone: [
          {
            guard: 'stageHasErrors',
            target: 'failed',
            actions: assign(({ context, event }) => ({ ...record(context, 'test', event.output), conformance: event.output.value, failedStage: 'test' as const })),
          },
          { target: 'package', actions: assign(({ context, event }) => ({ ...record(context, 'test', event.output), conformance: event.output.value })) },
        ],
        onError: { target: 'failed', actions: assign(({ context, event }) => crashed(context, 'test', event.error)) },
      },
    },
    /** The ES module glue and the TypeScript declarations. */
    package: {
      invoke: {
        src: 'packageStage',
        input: ({ context }) => ({ spec: context.spec!, wasm: context.wasm!, options: context.job.options }),
        onDone: {
          target: 'done',
          actions: assign(({ context, event }) => ({
            ...record(context, 'package', event.output),
            js: event.output.value.js,
            dts: event.output.value.dts,
            wasmFileName: event.output.value.wasmFileName,
          })),
        },
        onError: { target: 'failed', actions: assign(({ context, event }) => crashed(context, 'package', event.error)) },
      },
    },
    done: { type: 'final' },
    failed: { type: 'final' },
  },
  output: ({ context }): CompileResult => {
    const ok = context.failedStage === null && context.js !== undefined;
    return {
      ok,
      file: context.job.input.file,
      source: context.source,
      diagnostics: context.diagnostics,
      failedStage: context.failedStage,
      cancelled: false,
      cached: context.cached,
      timings: context.timings,
      ...(context.conformance !== undefined ? { conformance: context.conformance } : {}),
      ...(ok
        ? {
            output: {
              rust: context.rust!,
              wasm: context.wasm!,
              js: context.js!,
              dts: context.dts!,
              wasmFileName: context.wasmFileName ?? null,
              spec: context.spec!,
            },
          }
        : {}),
    };
  },
});
