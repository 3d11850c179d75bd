/**
 * @portalis/actors: the Portalis compiler.
 *
 * `compileModule` runs one file through the pipeline in this thread;
 * `createCompilerPool` runs jobs on worker threads (what the bundler plugin
 * and the CLI use for several files). The stage functions are exported too,
 * for tools and tests that need one stage on its own.
 */
export { compileModule } from './compile.js';
export { compileScript, type ScriptCompileOptions, type ScriptCompileResult } from './compile-script.js';
export type { CompileInput, CompileOptions, CompileOutput, CompileResult } from './compile-types.js';
export { createCompilerPool, defaultThreadCount, type CompilerPool, type CompilerPoolOptions } from './workers/pool.js';
export { pipelineMachine, type PipelineInput } from './pipeline.machine.js';
export * from './diagnostics/index.js';
export type { ModuleSpec, ExportSpec, ParamSpec, PyScalar, PyReturn } from './spec/types.js';
export { ingest } from './ingest/ingest.js';
export { analyze } from './analysis/analysis.js';
export { specify } from './spec/spec.js';
export { transpile } from './transpile/transpile.js';
export { buildWasm } from './build/build.js';
export { checkConformance, formatConformanceReport } from './conformance/index.js';
export { packageModule } from './package/package.js';
