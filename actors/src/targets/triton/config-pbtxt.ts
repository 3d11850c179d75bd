/**
 * Writes protobuf text format (what Triton's config.pbtxt is) from a small
 * tree of fields. Only what model configs need: strings, numbers, enum names,
 * booleans and nested messages; a repeated field is the same key given again,
 * a map is repeated `{ key: … value: … }` entries (see the text-format rules in
 * docs of the Triton reference). Also holds the ModelConfig we emit for one
 * Portalis function.
 */

/** An enum value, written bare (`TYPE_INT64`), unlike strings. */
export interface PbEnum {
  readonly enum: string;
}

export type PbValue = string | number | bigint | boolean | PbEnum | PbField[];
export type PbField = readonly [key: string, value: PbValue];

export const pbEnum = (name: string): PbEnum => ({ enum: name });

/** A protobuf text-format string literal: double quotes, C escapes, UTF-8 kept as octal escapes for bytes outside ASCII. */
export function pbString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x09) out += '\\t';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}"`;
}

function scalar(value: Exclude<PbValue, PbField[]>): string {
  if (typeof value === 'string') return pbString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`config value ${value} is not finite`);
    return String(value);
  }
  return value.enum;
}

/** Renders fields as text format, two-space indented, one field per line. */
export function writePbtxt(fields: readonly PbField[], indent = ''): string {
  let out = '';
  for (const [key, value] of fields) {
    if (Array.isArray(value)) {
      if (value.length === 0) out += `${indent}${key} { }\n`;
      else out += `${indent}${key} {\n${writePbtxt(value, `${indent}  `)}${indent}}\n`;
    } else {
      out += `${indent}${key}: ${scalar(value as Exclude<PbValue, PbField[]>)}\n`;
    }
  }
  return out;
}
