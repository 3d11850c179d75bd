/**
 * Just enough TOML for extension.toml: keys, strings, numbers, booleans,
 * arrays and inline tables. Strings are written as basic strings with JSON
 * escapes, which TOML reads the same way.
 */
export type TomlValue = string | number | boolean | readonly TomlValue[] | { readonly [key: string]: TomlValue };

const BARE = /^[A-Za-z0-9_-]+$/;

export function tomlKey(key: string): string {
  return BARE.test(key) ? key : JSON.stringify(key);
}

export function tomlValue(value: TomlValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`TOML cannot hold ${value} here`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  const entries = Object.entries(value as Record<string, TomlValue>);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`).join(', ')} }`;
}

/** `key = value` lines of a table, skipping undefined values. */
export function tomlLines(table: Record<string, TomlValue | undefined>): string[] {
  return Object.entries(table)
    .filter((entry): entry is [string, TomlValue] => entry[1] !== undefined)
    .map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`);
}
