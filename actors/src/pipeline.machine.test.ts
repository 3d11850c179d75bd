/**
 * Orchestration tests: the machine with fake stages (`provide`), so each rule
 * of sequencing, failure routing and cancellation is checked on its own.
 * The real stages are tested in their folders and end to end in compile.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, toPromise } from 'xstate';
import { diagnostic, type Diagnostic } from './diagnostics/diagnostic.js';
import { pipelineMachine } from './pipeline.machine.js';

const file = 'mod.py';
const err = (code: 'PTL1001' | 'PTL2003'): Diagnostic => diagnostic({ code, file, stage: code === 'PTL1001' ? 'ingest' : 'analysis' });
const done = <T>(value: T, diagnostics: Diagnostic[] = []) => ({ value, diagnostics, millis: 1 });

function fakes(calls: string[], overrides: Record<string, unknown> = {}) {
  const stage = (name: string, value: unknown) =>
    fromPromise(async () => {
      calls.push(name);
      return done(value);
    });
  return {
    ingestStage: stage('ingest', { file, source: 'x', module: { type: 'Module', body: [] }, diagnostics: [] }),
    analysisStage: stage('analysis', { diagnostics: [] }),
    specStage: stage('spec', { spec: { module: 'mod', exports: [], defaultExport: null, abiVersion: 1 }, diagnostics: [] }),
    transpileStage: stage('transpile', { rust: 'fn main() {}', diagnostics: [] }),
    buildStage: stage('build', { ok: true, wasm: new Uint8Array([0, 97, 115, 109]), cached: true }),
    testStage: stage('test', { ok: true, diagnostics: [] }),
    packageStage: stage('package', { js: 'export {}', dts: 'export {}', wasmFileName: null }),
    ...overrides,
  } as never;
}

function run(actors: never, conformance = false) {
  const actor = createActor(pipelineMachine.provide({ actors }), { input: { input: { file }, options: { conformance } } });
  const result = toPromise(actor);
  actor.start();
  return { actor, result };
}

describe('pipeline machine', () => {
  it('runs the stages in order and skips conformance unless asked', async () => {
    const calls: string[] = [];
    const result = await run(fakes(calls)).result;
    expect(calls).toEqual(['ingest', 'analysis', 'spec', 'transpile', 'build', 'package']);
    expect(result.ok).toBe(true);
    expect(result.cached).toBe(true);
    expect(result.output?.js).toBe('export {}');
    expect(Object.keys(result.timings)).toEqual(['ingest', 'analysis', 'spec', 'transpile', 'build', 'package']);
  });

  it('runs the conformance stage between build and package when asked', async () => {
    const calls: string[] = [];
    const result = await run(fakes(calls), true).result;
    expect(calls).toEqual(['ingest', 'analysis', 'spec', 'transpile', 'build', 'test', 'package']);
    expect(result.conformance).toEqual({ ok: true, diagnostics: [] });
  });

  it('stops at the first stage that reports an error diagnostic, keeping its diagnostics as data', async () => {
    const calls: string[] = [];
    const analysisStage = fromPromise(async () => {
      calls.push('analysis');
      return done({ diagnostics: [err('PTL2003')] }, [err('PTL2003')]);
    });
    const result = await run(fakes(calls, { analysisStage })).result;
    expect(calls).toEqual(['ingest', 'analysis']);
    expect(result.ok).toBe(false);
    expect(result.failedStage).toBe('analysis');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PTL2003']);
    expect(result.output).toBeUndefined();
  });

  it('turns a stage that throws into a PTL9001 internal error naming the stage and file', async () => {
    const transpileStage = fromPromise(async () => {
      throw new Error('boom');
    });
    const result = await run(fakes([], { transpileStage })).result;
    expect(result.ok).toBe(false);
    expect(result.failedStage).toBe('transpile');
    const [d] = result.diagnostics;
    expect(d?.code).toBe('PTL9001');
    expect(d?.file).toBe(file);
    expect(d?.message).toContain('transpile stage');
    expect(d?.message).toContain('boom');
  });

  it('aborts the running stage through its signal when the actor is stopped', async () => {
    let aborted!: (reason: unknown) => void;
    const sawAbort = new Promise((resolve) => (aborted = resolve));
    let started!: () => void;
    const buildStarted = new Promise<void>((resolve) => (started = resolve));
    const buildStage = fromPromise(({ signal }) => {
      started();
      signal.addEventListener('abort', () => aborted(signal.reason));
      return new Promise(() => {});
    });
    const { actor } = run(fakes([], { buildStage }));
    await buildStarted;
    actor.stop();
    await expect(sawAbort).resolves.toBeDefined();
  });
});
