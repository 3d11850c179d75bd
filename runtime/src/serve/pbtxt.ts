/**
 * A protobuf text-format parser for Triton's config.pbtxt.
 *
 * Parses into the message shapes of wire/messages.ts (so a parsed config
 * can be sent as-is in ModelConfigResponse) and follows the text-format rules
 * Triton's parser applies: `field: value`, an optional colon before `{ }` or
 * `< >`, repeated fields either one entry per occurrence or `[a, b]` lists
 * (mixable), maps as repeated `{ key: … value: … }` entries, `,`/`;` as
 * optional separators, `#` comments, `"`/`'` strings with C escapes and
 * adjacent literals concatenated, enums by name or number. Errors (with
 * line:col) for an unknown field or enum value, a non-repeated field given
 * twice, and two members of one oneof.
 */
import { decode, type FieldDef, type MessageDef, type Msg } from './wire/codec.js';

export class PbtxtError extends Error {}

interface Token {
  kind: 'ident' | 'number' | 'string' | 'punct';
  text: string;
  value?: string;
  line: number;
  col: number;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (message: string): never => {
    throw new PbtxtError(`${line}:${i - lineStart + 1}: ${message}`);
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n') {
      line++;
      lineStart = ++i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    const col = i - lineStart + 1;
    if (c === '"' || c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length || source[i] === '\n') fail('unterminated string');
        const d = source[i++]!;
        if (d === c) break;
        if (d !== '\\') {
          value += d;
          continue;
        }
        const e = source[i++];
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '?': '?' };
        if (e !== undefined && e in simple) value += simple[e];
        else if (e !== undefined && /[0-7]/.test(e)) {
          let oct = e;
          while (oct.length < 3 && /[0-7]/.test(source[i] ?? '')) oct += source[i++];
          value += String.fromCharCode(parseInt(oct, 8));
        } else if (e === 'x') {
          let hex = '';
          while (hex.length < 2 && /[0-9a-fA-F]/.test(source[i] ?? '')) hex += source[i++];
          if (!hex) fail('bad \\x escape');
          value += String.fromCharCode(parseInt(hex, 16));
        } else fail(`unknown escape \\${e ?? ''}`);
      }
      const prev = tokens[tokens.length - 1];
      if (prev?.kind === 'string') {
        // Adjacent string literals concatenate.
        prev.value += value;
      } else tokens.push({ kind: 'string', text: c, value, line, col });
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(source.slice(i, i + 256));
    if (word) {
      tokens.push({ kind: 'ident', text: word[0], line, col });
      i += word[0].length;
      continue;
    }
    const num = /^-?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fF]?|inf|nan)/.exec(source.slice(i, i + 64));
    if (num) {
      tokens.push({ kind: 'number', text: num[0], line, col });
      i += num[0].length;
      continue;
    }
    if ('{}<>[]:,;'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, line, col });
      i++;
      continue;
    }
    fail(`unexpected character '${c}'`);
  }
  return tokens;
}

/** Parses `source` as a text-format `def` message (proto3 defaults filled like the binary decoder). */
export function parseTextFormat(def: MessageDef, source: string): Msg {
  const tokens = tokenize(source);
  let pos = 0;
  const at = (t: Token | undefined) => (t ? `${t.line}:${t.col}` : 'end of input');
  const fail = (message: string, t = tokens[pos]): never => {
    throw new PbtxtError(`${at(t)}: ${message}`);
  };
  const peek = (text: string) => tokens[pos]?.kind === 'punct' && tokens[pos]!.text === text;
  const expect = (text: string) => {
    if (!peek(text)) fail(`expected '${text}'`);
    pos++;
  };

  function scalar(f: FieldDef): unknown {
    const t = tokens[pos];
    if (!t) return fail(`expected a value for '${f.name}'`);
    pos++;
    const type = f.type as string;
    if (type === 'string' || type === 'bytes') {
      if (t.kind !== 'string') fail(`expected a string for '${f.name}'`, t);
      return type === 'bytes' ? Uint8Array.from(t.value!, (ch) => ch.charCodeAt(0) & 0xff) : t.value!;
    }
    if (type === 'bool') {
      if (t.text === 'true' || t.text === 't' || t.text === 'True' || t.text === '1') return true;
      if (t.text === 'false' || t.text === 'f' || t.text === 'False' || t.text === '0') return false;
      return fail(`expected true or false for '${f.name}'`, t);
    }
    if (type === 'enum') {
      if (t.kind === 'ident') {
        const n = f.enumNames?.indexOf(t.text) ?? -1;
        if (n < 0) fail(`unknown enum value '${t.text}' for '${f.name}'`, t);
        return n;
      }
      if (t.kind === 'number' && /^-?\d+$/.test(t.text)) return Number(t.text);
      return fail(`expected an enum value for '${f.name}'`, t);
    }
    if (t.kind !== 'number' && !(t.kind === 'ident' && /^-?(inf|nan|infinity)$/i.test(t.text))) fail(`expected a number for '${f.name}'`, t);
    if (type === 'double' || type === 'float') {
      const text = t.text.replace(/[fF]$/, '');
      if (/^-?inf(inity)?$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
      if (/^-?nan$/i.test(text)) return NaN;
      return Number(text);
    }
    if (!/^-?(\d+|0[xX][0-9a-fA-F]+)$/.test(t.text)) fail(`expected an integer for '${f.name}'`, t);
    const big = t.text.startsWith('-') ? -BigInt(t.text.slice(1)) : BigInt(t.text);
    const unsigned = type.startsWith('uint');
    const bits = type.includes('32') ? 32 : 64;
    const min = unsigned ? 0n : -(2n ** BigInt(bits - 1));
    const max = unsigned ? 2n ** BigInt(bits) - 1n : 2n ** BigInt(bits - 1) - 1n;
    if (big < min || big > max) fail(`integer out of range for '${f.name}'`, t);
    return type === 'int64' || type === 'uint64' ? big : Number(big);
  }

  function messageBody(mdef: MessageDef, close: string | null): Msg {
    const msg = decode(mdef, new Uint8Array(0));
    const seen = new Set<string>();
    const oneofs = new Map<string, string>();
    for (;;) {
      if (close === null ? pos >= tokens.length : peek(close)) {
        if (close !== null) pos++;
        return msg;
      }
      if (pos >= tokens.length) fail(`missing '${close}'`);
      const nameTok = tokens[pos]!;
      if (nameTok.kind !== 'ident') fail('expected a field name');
      pos++;
      const f = mdef.fields.find((x) => x.name === nameTok.text);
      if (!f) return fail(`message ${mdef.name} has no field named '${nameTok.text}'`, nameTok);
      if (!f.repeated && !f.map && seen.has(f.name)) fail(`non-repeated field '${f.name}' is given more than once`, nameTok);
      if (f.oneof) {
        const other = oneofs.get(f.oneof);
        if (other && other !== f.name) fail(`fields '${other}' and '${f.name}' are members of the same oneof '${f.oneof}'`, nameTok);
        oneofs.set(f.oneof, f.name);
      }
      seen.add(f.name);
      const isMessage = typeof f.type === 'function' || f.map;
      if (peek(':')) pos++;
      else if (!isMessage) fail(`expected ':' after '${f.name}'`);
      const one = (): void => {
        if (f.map) {
          const entry = messageValue(mapEntryDef(f));
          msg[f.name][entry.key as string] = entry.value ?? (typeof f.type === 'function' ? decode(f.type(), new Uint8Array(0)) : '');
        } else if (typeof f.type === 'function') {
          const sub = messageValue(f.type());
          if (f.repeated) msg[f.name].push(sub);
          else msg[f.name] = sub;
        } else if (f.repeated) msg[f.name].push(scalar(f));
        else msg[f.name] = scalar(f);
      };
      if (peek('[')) {
        if (!f.repeated && !f.map) fail(`'${f.name}' is not a repeated field`);
        pos++;
        if (peek(']')) pos++;
        else
          for (;;) {
            one();
            if (peek(',')) {
              pos++;
              continue;
            }
            expect(']');
            break;
          }
      } else one();
      if (peek(',') || peek(';')) pos++;
    }
  }

  function messageValue(mdef: MessageDef): Msg {
    if (peek('{')) {
      pos++;
      return messageBody(mdef, '}');
    }
    if (peek('<')) {
      pos++;
      return messageBody(mdef, '>');
    }
    return fail(`expected '{' to open a ${mdef.name}`);
  }

  return messageBody(def, null);
}

const entryDefs = new WeakMap<FieldDef, MessageDef>();
function mapEntryDef(f: FieldDef): MessageDef {
  let d = entryDefs.get(f);
  if (!d) {
    d = { name: `${f.name} entry`, fields: [{ no: 1, name: 'key', type: 'string' }, { no: 2, name: 'value', type: f.type }] };
    entryDefs.set(f, d);
  }
  return d;
}
