/**
 * The Kit target's own command-line options (what follows `--target kit`).
 *
 * Bindings are JSON objects in the schema of kit-extension/README.md:
 * `--bind '{"function":"step","event":"physics_step","prims":"/World/P/*","inputs":["@x","dt"],"output":"@x"}'`
 * (repeatable, in order) or `--bindings file.json` (a JSON array).
 */
import { readFile } from 'node:fs/promises';

export interface KitBinding {
  readonly function: string;
  readonly event?: string;
  readonly prims?: string;
  readonly inputs?: readonly (string | number | boolean)[];
  readonly output?: string;
}

export interface KitOptions {
  /** Extension name (folder name, `--enable` name); default `portalis.wasm.<module>`. */
  readonly name: string | null;
  /** `[package] version` and the module version the extension reports. */
  readonly version: string;
  readonly bindings: readonly KitBinding[];
  readonly limits: { readonly fuel?: number; readonly timeout_ms?: number; readonly memory_bytes?: number };
  /** The live link to `portalis dev --kit` (the extension's `bridge` settings table), or null for none. */
  readonly bridge: { readonly endpoint: string; readonly pub_endpoint?: string } | null;
  /** Extra words that turned out to be inputs. */
  readonly inputs: string[];
}

export const KIT_USAGE = `Kit target options:
  --name NAME          extension name (default portalis.wasm.<module>)
  --version V          extension and module version (default 1.0.0)
  --bind JSON          one binding (repeatable), e.g. '{"function":"step","event":"physics_step","prims":"/World/P/*","inputs":["@x","dt"],"output":"@x"}'
  --bindings FILE      a JSON array of bindings
  --fuel N             wasmtime fuel per call (default: none)
  --timeout-ms N       wall-clock limit per call (default: none)
  --memory-mb N        WASM linear memory limit (default: none)
  --bridge ENDPOINT    connect to \`portalis dev --kit\` for live reload and remote calls, e.g. tcp://127.0.0.1:5555
  --bridge-pub ENDPOINT  its publisher endpoint when it is not ENDPOINT's port + 1`;

export class KitUsageError extends Error {}

const EVENTS = new Set(['physics_step', 'update', 'play', 'stop']);
const KEYS = new Set(['function', 'event', 'prims', 'inputs', 'output']);

function positive(flag: string, text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new KitUsageError(`${flag} needs a positive whole number, got ${text === undefined ? 'nothing' : `'${text}'`}`);
  }
  return Number(text);
}

/** A ZeroMQ endpoint the bridge can connect to (docs/bridge-protocol.md). */
function endpoint(flag: string, text: string | undefined): string {
  if (text === undefined || !/^(tcp|ipc):\/\/\S+$/.test(text)) {
    throw new KitUsageError(`${flag} needs a ZeroMQ endpoint like tcp://127.0.0.1:5555, got ${text === undefined ? 'nothing' : `'${text}'`}`);
  }
  return text;
}

/** Checks the shape of one binding (the extension checks it again against the stage at run time). */
export function checkBinding(value: unknown, where: string): KitBinding {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new KitUsageError(`${where}: a binding is a JSON object`);
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !KEYS.has(k));
  if (unknown.length) throw new KitUsageError(`${where}: unknown key(s) ${unknown.join(', ')}`);
  if (typeof record.function !== 'string' || record.function === '') throw new KitUsageError(`${where}: "function" is required`);
  if (record.event !== undefined && !EVENTS.has(record.event as string)) {
    throw new KitUsageError(`${where}: "event" must be one of ${[...EVENTS].join(', ')}`);
  }
  if (record.prims !== undefined && (typeof record.prims !== 'string' || !record.prims.startsWith('/'))) {
    throw new KitUsageError(`${where}: "prims" must be an absolute prim path or pattern`);
  }
  if (record.inputs !== undefined) {
    if (!Array.isArray(record.inputs) || !record.inputs.every((i) => ['string', 'number', 'boolean'].includes(typeof i))) {
      throw new KitUsageError(`${where}: "inputs" must be an array of strings, numbers and booleans`);
    }
  }
  if (record.output !== undefined && typeof record.output !== 'string') throw new KitUsageError(`${where}: "output" must be a string`);
  return record as unknown as KitBinding;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KitUsageError(`${where}: not JSON (${(error as Error).message})`);
  }
}

export async function parseKitArgs(argv: readonly string[]): Promise<KitOptions> {
  let name: string | null = null;
  let version = '1.0.0';
  const bindings: KitBinding[] = [];
  const limits: { fuel?: number; timeout_ms?: number; memory_bytes?: number } = {};
  const inputs: string[] = [];
  let bridgeEndpoint: string | null = null;
  let bridgePub: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const eq = word.indexOf('=');
    const flag = word.startsWith('--') && eq > 0 ? word.slice(0, eq) : word;
    const value = () => (word.startsWith('--') && eq > 0 ? word.slice(eq + 1) : argv[++i]);
    switch (flag) {
      case '--name': {
        const v = value();
        if (!v || !/^[A-Za-z][\w.]*$/.test(v)) throw new KitUsageError(`--name needs an extension name (letters, digits, _ and .), got '${v ?? ''}'`);
        name = v;
        break;
      }
      case '--version': {
        const v = value();
        if (!v || !/^\d+\.\d+\.\d+([-+][\w.]+)?$/.test(v)) throw new KitUsageError(`--version needs a semver version like 1.2.3, got '${v ?? ''}'`);
        version = v;
        break;
      }
      case '--bind':
        bindings.push(checkBinding(parseJson(value() ?? '', '--bind'), `--bind #${bindings.length + 1}`));
        break;
      case '--bindings': {
        const file = value();
        if (!file) throw new KitUsageError('--bindings needs a file');
        const text = await readFile(file, 'utf8').catch(() => {
          throw new KitUsageError(`--bindings: cannot read ${file}`);
        });
        const list = parseJson(text, file);
        if (!Array.isArray(list)) throw new KitUsageError(`${file}: expected a JSON array of bindings`);
        list.forEach((b, k) => bindings.push(checkBinding(b, `${file}[${k}]`)));
        break;
      }
      case '--fuel':
        limits.fuel = positive('--fuel', value());
        break;
      case '--timeout-ms':
        limits.timeout_ms = positive('--timeout-ms', value());
        break;
      case '--memory-mb':
        limits.memory_bytes = positive('--memory-mb', value()) * 1024 * 1024;
        break;
      case '--bridge':
        bridgeEndpoint = endpoint('--bridge', value());
        break;
      case '--bridge-pub':
        bridgePub = endpoint('--bridge-pub', value());
        break;
      default:
        if (word.startsWith('-')) throw new KitUsageError(`unknown option ${word}`);
        inputs.push(word);
    }
  }
  if (bridgePub !== null && bridgeEndpoint === null) throw new KitUsageError('--bridge-pub needs --bridge');
  const bridge = bridgeEndpoint === null ? null : { endpoint: bridgeEndpoint, ...(bridgePub !== null ? { pub_endpoint: bridgePub } : {}) };
  return { name, version, bindings, limits, bridge, inputs };
}
