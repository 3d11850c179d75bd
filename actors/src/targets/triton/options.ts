/**
 * The Triton target's own command-line options (what follows `--target triton`).
 * Values come as `--flag value` or `--flag=value`; repeated or comma-separated
 * `--preferred-batch-size`. A word left after a flag that takes no value is an
 * input file (the package command cannot know which flags take values).
 */
import type { InstanceKind, TritonOptions } from './model-config.js';

export interface ParsedTritonArgs {
  readonly options: TritonOptions;
  readonly k8s: { readonly dir: string | null; readonly tritonVersion: string } | null;
  /** Words that turned out to be inputs. */
  readonly inputs: string[];
}

export const DEFAULT_TRITON_VERSION = '24.08';

export const TRITON_USAGE = `Triton target options:
  --max-batch-size N          batch dimension limit (default 8; 0 turns batching off)
  --instances N               model instances (default 1)
  --kind KIND_CPU|KIND_GPU|KIND_MODEL|KIND_AUTO   instance kind (default KIND_CPU)
  --dynamic-batching          enable Triton's dynamic batcher
  --preferred-batch-size N[,N...]   preferred batch sizes (implies --dynamic-batching)
  --max-queue-delay-us N      dynamic batcher queue delay (implies --dynamic-batching)
  --fuel N                    wasmtime fuel per call (default: none)
  --timeout-ms N              wall-clock limit per call (default 10000)
  --memory-mb N               WASM linear memory limit (default 256)
  --k8s                       also write a Kubernetes manifest (k8s/portalis-triton.yaml next to the repository)
  --k8s-dir DIR               where to write the manifest (implies --k8s)
  --triton-version V          tritonserver image tag for the manifest (default ${DEFAULT_TRITON_VERSION}, needs >= 23.10)`;

export class TritonUsageError extends Error {}

const KINDS: readonly InstanceKind[] = ['KIND_CPU', 'KIND_GPU', 'KIND_MODEL', 'KIND_AUTO'];
const FLAGS = new Set(['--dynamic-batching', '--k8s']);

function integer(flag: string, text: string | undefined, min: number): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new TritonUsageError(`${flag} needs a whole number, got ${text === undefined ? 'nothing' : `'${text}'`}`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new TritonUsageError(`${flag} must be at least ${min}, got ${text}`);
  return n;
}

export function parseTritonArgs(argv: readonly string[]): ParsedTritonArgs {
  let maxBatchSize = 8;
  let instances = 1;
  let kind: InstanceKind = 'KIND_CPU';
  let dynamicBatching = false;
  const preferredBatchSizes: number[] = [];
  let maxQueueDelayUs: number | null = null;
  let fuel: number | null = null;
  let timeoutMs: number | null = 10_000;
  let memoryMb: number | null = 256;
  let k8s = false;
  let k8sDir: string | null = null;
  let tritonVersion = DEFAULT_TRITON_VERSION;
  const inputs: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('-')) {
      inputs.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const flag = eq >= 0 ? word.slice(0, eq) : word;
    if (FLAGS.has(flag)) {
      if (eq >= 0) throw new TritonUsageError(`${flag} takes no value`);
      if (flag === '--dynamic-batching') dynamicBatching = true;
      else k8s = true;
      continue;
    }
    const value = eq >= 0 ? word.slice(eq + 1) : argv[++i];
    switch (flag) {
      case '--max-batch-size': maxBatchSize = integer(flag, value, 0); break;
      case '--instances': instances = integer(flag, value, 1); break;
      case '--kind':
        if (!KINDS.includes(value as InstanceKind)) throw new TritonUsageError(`--kind must be one of ${KINDS.join(', ')}, got '${value ?? ''}'`);
        kind = value as InstanceKind;
        break;
      case '--preferred-batch-size':
        for (const part of (value ?? '').split(',')) preferredBatchSizes.push(integer(flag, part, 1));
        dynamicBatching = true;
        break;
      case '--max-queue-delay-us': maxQueueDelayUs = integer(flag, value, 0); dynamicBatching = true; break;
      case '--fuel': fuel = integer(flag, value, 1); break;
      case '--timeout-ms': timeoutMs = integer(flag, value, 1); break;
      case '--memory-mb': memoryMb = integer(flag, value, 1); break;
      case '--k8s-dir':
        if (!value) throw new TritonUsageError('--k8s-dir needs a directory');
        k8sDir = value;
        k8s = true;
        break;
      case '--triton-version':
        if (!value || !/^\d\d\.\d\d$/.test(value)) throw new TritonUsageError(`--triton-version wants a release like ${DEFAULT_TRITON_VERSION}, got '${value ?? ''}'`);
        tritonVersion = value;
        break;
      default:
        throw new TritonUsageError(`unknown option '${flag}' for the triton target`);
    }
  }
  if (dynamicBatching && maxBatchSize === 0) throw new TritonUsageError('dynamic batching needs --max-batch-size of at least 1');
  const tooBig = preferredBatchSizes.find((n) => n > maxBatchSize);
  if (tooBig !== undefined) throw new TritonUsageError(`--preferred-batch-size ${tooBig} is larger than --max-batch-size ${maxBatchSize}`);
  return {
    options: { maxBatchSize, instances, kind, dynamicBatching, preferredBatchSizes, maxQueueDelayUs, fuel, timeoutMs, memoryMb },
    k8s: k8s ? { dir: k8sDir, tritonVersion } : null,
    inputs,
  };
}
