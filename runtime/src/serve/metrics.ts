/**
 * Prometheus text exposition of the per-model counters, with Triton's metric
 * names (nv_inference_*), served on the HTTP port at /metrics.
 */
import type { InferenceCore } from './core.js';

export function renderMetrics(core: InferenceCore): string {
  const families: [string, string, string, (s: import('./core.js').ModelStats) => number][] = [
    ['nv_inference_request_success', 'counter', 'Number of successful inference requests, all batch sizes', (s) => s.success.count],
    ['nv_inference_request_failure', 'counter', 'Number of failed inference requests, all batch sizes', (s) => s.fail.count],
    ['nv_inference_count', 'counter', 'Number of inferences performed (a batch of n counts n)', (s) => s.inferenceCount],
    ['nv_inference_exec_count', 'counter', 'Number of model executions performed', (s) => s.executionCount],
    ['nv_inference_request_duration_us', 'counter', 'Cumulative inference request duration in microseconds', (s) => Math.round((s.success.ns + s.fail.ns) / 1000)],
    ['nv_inference_queue_duration_us', 'counter', 'Cumulative time requests waited for a free model instance in microseconds', (s) => Math.round(s.queue.ns / 1000)],
    ['nv_inference_compute_infer_duration_us', 'counter', 'Cumulative compute inference duration in microseconds', (s) => Math.round(s.computeInfer.ns / 1000)],
  ];
  const lines: string[] = [];
  for (const [name, type, help, value] of families) {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [model, stats] of core.stats) {
      const version = core.entries.get(model)?.version ?? '';
      lines.push(`${name}{model="${model}",version="${version}"} ${value(stats)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
