/**
 * Reads a module's source the way CPython would before tokenizing it: bytes
 * from disk (unless the caller already has the text), at most 4 MiB, strict
 * UTF-8, a leading BOM removed. A `# coding:` declaration naming another
 * encoding is refused when it would change the text (non-ASCII content),
 * since Python would then read different characters than we do.
 */
import { readFile, stat } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from './positions.js';

export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export type ReadResult = { readonly ok: true; readonly source: string } | { readonly ok: false; readonly diagnostic: Diagnostic };

function fail(file: string, code: 'PTL1002' | 'PTL1003' | 'PTL1004', message: string, source?: string, offset?: number): ReadResult {
  const range = source !== undefined && offset !== undefined ? new LineIndex(source).range(offset, offset + 1) : undefined;
  return { ok: false, diagnostic: diagnostic({ code, message, file, stage: 'ingest', ...(range ? { range } : {}) }) };
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Index of the first byte that makes `bytes` invalid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [len, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [len, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [len, min] = [4, 0x10000];
    else return i;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The encoding a `# -*- coding: x -*-` comment on line 1 or 2 declares, if any. */
export function declaredEncoding(source: string): string | null {
  const [first = '', second = ''] = source.split(/\r\n|\r|\n/, 2);
  const m = CODING.exec(first) ?? (/^[ \t\f]*(?:#.*)?$/.test(first) ? CODING.exec(second) : null);
  return m ? m[1]! : null;
}

function isUtf8Name(name: string): boolean {
  const n = name.toLowerCase().replace(/_/g, '-');
  return n === 'utf-8' || n === 'utf8' || n.startsWith('utf-8-') || n === 'utf-8-sig';
}

function checkText(file: string, text: string): ReadResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(source);
  if (lone) {
    const cp = source.charCodeAt(lone.index).toString(16).toUpperCase();
    return fail(file, 'PTL1002', `source is not valid UTF-8: it contains a lone surrogate U+${cp}`, source, lone.index);
  }
  const encoding = declaredEncoding(source);
  if (encoding !== null && !isUtf8Name(encoding)) {
    const nonAscii = /[^\x00-\x7f]/.exec(source);
    if (nonAscii) {
      return fail(
        file,
        'PTL1002',
        `source declares encoding '${encoding}' and contains non-ASCII text; Portalis reads sources as UTF-8 only`,
        source,
        nonAscii.index,
      );
    }
  }
  return { ok: true, source };
}

export async function readSource(file: string, source?: string): Promise<ReadResult> {
  if (source !== undefined) {
    const size = Buffer.byteLength(source, 'utf8');
    if (size > MAX_SOURCE_BYTES) return fail(file, 'PTL1004', `source file is too large (${mib(size)}; the limit is 4 MiB)`);
    return checkText(file, source);
  }
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return fail(file, 'PTL1003', `cannot read ${file}: it is a directory`);
    if (info.size > MAX_SOURCE_BYTES) return fail(file, 'PTL1004', `source file is too large (${mib(info.size)}; the limit is 4 MiB)`);
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : ((err as Error).message ?? String(err));
    return fail(file, 'PTL1003', `cannot read ${file}: ${why}`);
  }
  if (bytes.length > MAX_SOURCE_BYTES) return fail(file, 'PTL1004', `source file is too large (${mib(bytes.length)}; the limit is 4 MiB)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const valid = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, Math.max(at, 0)));
    const prefix = valid.charCodeAt(0) === 0xfeff ? valid.slice(1) : valid;
    const byte = bytes[at]?.toString(16).padStart(2, '0') ?? '??';
    return fail(file, 'PTL1002', `source is not valid UTF-8: byte 0x${byte} at offset ${at} cannot be decoded`, prefix + ' ', prefix.length);
  }
  return checkText(file, text);
}
