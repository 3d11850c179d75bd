/**
 * The inputs of the string differential test (str-differential.test.ts):
 * edge cases plus seeded random strings drawn from an alphabet that mixes
 * ASCII with the characters where Unicode rules bite (full case mappings,
 * final sigma, titlecase digraphs, non-ASCII digits and spaces, line
 * boundaries, non-printables), random format specs from the mini-language's
 * grammar, and int()/float() literals built from their tokens.
 */
import { prng } from './harness.js';

export type SArg = { s: string } | { i: string } | { p: string } | { f: string } | { b: boolean } | { l: string[] } | null;
export interface SCase {
  readonly fn: string;
  readonly args: readonly SArg[];
}

const S = (s: string): SArg => ({ s });
const I = (i: number | bigint): SArg => ({ i: String(i) });
const B = (b: boolean): SArg => ({ b });
const P = (p: bigint): SArg => ({ p: p.toString(16) });
const view = new DataView(new ArrayBuffer(8));
export function floatArg(x: number): SArg {
  view.setFloat64(0, x);
  return { f: view.getBigUint64(0).toString(16).padStart(16, '0') };
}

const ALPHABET = [
  ...'abcxyzABCXYZ019 _-+.,;:!?\'"\\/*=',
  ' ', ' ', 'a', 'a', 'b', 'A', 'B', '\t', '\n', '\r', '\r\n', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x00', '\x7f',
  '\x85', '\xa0', '\xad', 'ß', 'é', 'É', 'ÿ', 'Ÿ', 'ǅ', 'ǆ', 'Ǆ', 'Σ', 'σ', 'ς', 'İ', 'ı', 'ŉ', 'ﬁ', 'ﬃ', 'ΐ', 'ᾳ', 'ᾼ', 'ͅ',
  '\u0301', '\u0307', 'ʰ', '\u00b7', 'Ω', 'Ꙁ', 'ꙁ', 'ǰ', 'Ⅻ', 'ⅻ', 'ⓐ', 'Ⓐ', '𐐀', '𐐨', '日', '本', '😀', '\u{1f1e6}',
  '²', '½', '٣', '۴', '߅', '١', '\u{1d7ce}', '\u{1d7d8}', '᧚', '\u2028', '\u2029', '\u3000', '\u2000', '\u200b', '\u200d',
  '\u2060', '\ufeff', '\ud7ff', '\ue000', '\ufffd', '\u{e0001}', '\u{10ffff}', 'Ⴀ', 'ⴀ', 'ᏸ', 'Ᏸ', 'ꭰ', 'ʼ', '῾', '\u{16e40}',
];

function strGen(rand: () => number): (maxLen?: number) => string {
  return (maxLen = 8) => {
    const n = Math.floor(rand() * (maxLen + 1));
    let s = '';
    for (let k = 0; k < n; k++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
    return s;
  };
}

const SPLIT_FNS = ['split', 'rsplit'];
const SEARCH_FNS = ['find', 'rfind', 'index_of', 'rindex', 'count', 'startswith', 'endswith'];
const UNARY_FNS = [
  'len', 'chars', 'repr', 'ascii', 'upper', 'lower', 'casefold', 'title', 'capitalize', 'swapcase', 'isdigit', 'isdecimal', 'isnumeric',
  'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'istitle', 'isidentifier', 'isascii', 'isprintable', 'float',
];

function smallInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function optIndex(rand: () => number, len = 10): SArg {
  return rand() < 0.3 ? null : I(smallInt(rand, -len - 2, len + 2));
}

function methodCases(rand: () => number, n: number): SCase[] {
  const str = strGen(rand);
  const out: SCase[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  for (let k = 0; k < n; k++) {
    const s = str(rand() < 0.1 ? 90 : rand() < 0.2 ? 24 : 8);
    const n = [...s].length;
    // a substring of s half of the time, so searches find something
    const sub = (): string => {
      if (rand() < 0.5 && s.length > 0) {
        const cs = [...s];
        const a = Math.floor(rand() * cs.length);
        return cs.slice(a, a + Math.floor(rand() * 3)).join('');
      }
      return str(2);
    };
    switch (Math.floor(rand() * 14)) {
      case 0:
        out.push({ fn: pick(UNARY_FNS), args: [S(s)] });
        break;
      case 1:
        out.push({ fn: 'index', args: [S(s), I(smallInt(rand, -n - 1, n))] });
        out.push({ fn: 'slice', args: [S(s), optIndex(rand, n), optIndex(rand, n), rand() < 0.4 ? null : I(pick([-3, -2, -1, 1, 2, 3, 0]))] });
        break;
      case 2:
        out.push({ fn: pick(SPLIT_FNS), args: [S(s), rand() < 0.4 ? null : S(sub()), I(smallInt(rand, -1, 3))] });
        break;
      case 3:
        out.push({ fn: pick(SEARCH_FNS), args: [S(s), S(sub()), optIndex(rand, n), optIndex(rand, n)] });
        break;
      case 4:
        out.push({ fn: pick(['strip', 'lstrip', 'rstrip']), args: [S(s), rand() < 0.4 ? null : S(sub())] });
        out.push({ fn: 'replace', args: [S(s), S(sub()), S(str(2)), I(smallInt(rand, -1, 3))] });
        break;
      case 5:
        out.push({ fn: pick(['center', 'ljust', 'rjust']), args: [S(s), I(smallInt(rand, -2, 14)), rand() < 0.5 ? null : S(str(2))] });
        out.push({ fn: 'zfill', args: [S(pick(['', '+', '-']) + s), I(smallInt(rand, -2, 14))] });
        break;
      case 6:
        out.push({ fn: 'splitlines', args: [S(s), B(rand() < 0.5)] });
        out.push({ fn: 'expandtabs', args: [S(s.replace(/b/g, '\t')), I(smallInt(rand, -1, 9))] });
        break;
      case 7:
        out.push({ fn: pick(['partition', 'rpartition']), args: [S(s), S(sub())] });
        out.push({ fn: pick(['removeprefix', 'removesuffix']), args: [S(s), S(sub())] });
        break;
      case 8:
        out.push({ fn: 'join', args: [S(str(2)), { l: Array.from({ length: smallInt(rand, 0, 4) }, () => str(3)) }] });
        out.push({ fn: 'concat', args: [S(s), S(str(3))] });
        out.push({ fn: 'repeat', args: [S(str(3)), I(smallInt(rand, -2, 5))] });
        break;
      case 9:
        out.push({ fn: pick(['lt', 'le', 'eq', 'contains']), args: [S(s), S(rand() < 0.3 ? s : sub())] });
        break;
      case 10:
        out.push({ fn: 'ord', args: [S(str(2))] });
        break;
      default:
        // words: exercises title/istitle/capitalize/final sigma on realistic text
        out.push({ fn: pick(['title', 'istitle', 'capitalize', 'lower', 'swapcase', 'isupper', 'islower']), args: [S(wordy(rand))] });
    }
  }
  return out;
}

function wordy(rand: () => number): string {
  const words = ['ΟΔΟΣ', 'Σ', 'aΣ', 'ΣA', "o'neil", 'ǆemal', 'ǅ', 'straße', 'ﬁre', 'İstanbul', 'HELLO', 'hello', 'Hello', '1st', 'x̧', 'Aͅ', 'ΑΣ\u0301', 'abc'];
  const seps = [' ', '', '-', "'", '.', '\u0301', '\u00ad', '1'];
  let s = '';
  const n = 1 + Math.floor(rand() * 4);
  for (let k = 0; k < n; k++) s += words[Math.floor(rand() * words.length)]! + seps[Math.floor(rand() * seps.length)]!;
  return s;
}

/** Long strings (past the 32-character crumbs of non-ASCII indexing) at random positions. */
function longStringCases(rand: () => number, n: number): SCase[] {
  const str = strGen(rand);
  const out: SCase[] = [];
  for (let k = 0; k < n; k++) {
    let s = str(200);
    while ([...s].length < 40) s += str(40);
    const len = [...s].length;
    const at = (): SArg => I(smallInt(rand, -len - 2, len + 2));
    const sub = [...s].slice(smallInt(rand, 0, len - 1)).slice(0, smallInt(rand, 0, 3)).join('');
    out.push({ fn: 'index', args: [S(s), at()] });
    out.push({ fn: 'slice', args: [S(s), at(), at(), rand() < 0.5 ? null : I(smallInt(rand, -3, 3) || 1)] });
    out.push({ fn: ['find', 'rfind', 'count', 'startswith', 'endswith', 'index_of'][k % 6]!, args: [S(s), S(sub), at(), at()] });
    if (k % 4 === 0) out.push({ fn: 'format_str', args: [S(s), S(`.${smallInt(rand, 0, len)}`)] });
  }
  return out;
}

const INT_TOKENS = ['0', '1', '7', '9', '00', '_', '__', ' ', '\t', '\n', '+', '-', '0x', '0X', '0o', '0b', 'a', 'f', 'z', 'Z', '٣', '\u3000', '\u00a0', '.', 'e', '12345678901234567890', '9223372036854775807', '9223372036854775808'];
const FLOAT_TOKENS = ['0', '1', '5', '9', '_', '.', 'e', 'E', '+', '-', ' ', '\t', 'inf', 'INF', 'Infinity', 'nan', 'NaN', 'in', 'x', '٣', '\u3000', '\x1c', '1e308', '2e-324', '0.1', '123456789012345678901234567890', '4.9406564584124654e-324', '2.2250738585072011e-308', '9007199254740993'];

function tokens(rand: () => number, toks: readonly string[], max: number): string {
  let s = '';
  const n = Math.floor(rand() * (max + 1));
  for (let k = 0; k < n; k++) s += toks[Math.floor(rand() * toks.length)]!;
  return s;
}

function parseCases(rand: () => number, n: number): SCase[] {
  const out: SCase[] = [];
  const fixedInts = ['0', ' -42 ', '+7', '1_000', '1__0', '_1', '1_', '0x_ff', '0_7', '00', '007', '0b1_0', '0o17', '0xg', '-0x8000000000000000', '9223372036854775808', '-9223372036854775809', '٣٤', '\u3000 12 \u3000', '12\x1c', '1' + '0'.repeat(4300), '1' + '0'.repeat(4301)];
  for (const s of fixedInts) for (const base of [0, 2, 8, 10, 16, 36, 1, 37, -1]) out.push({ fn: 'int', args: [S(s), I(base)] });
  const fixedFloats = ['1.5', ' 1_0.2_5 ', '1_e5', '1e_5', '1._5', '._5', '-inf', '+NaN', 'infinity', '-Infinity', 'infinit', 'nan(1)', '1e', '.', '', ' ', '0x10', '1e400', '-1e-400', '٣.٥', '1.7976931348623157e308', '1.7976931348623159e308', '2.4703282292062328e-324', '2.4703282292062327e-324', '9007199254740993', '0.30000000000000004441'];
  for (const s of fixedFloats) out.push({ fn: 'float', args: [S(s)] });
  for (let k = 0; k < n; k++) {
    const base = [0, 2, 8, 10, 16, 36, 10, 10, 0][Math.floor(rand() * 9)]!;
    out.push({ fn: 'int', args: [S(tokens(rand, INT_TOKENS, 5)), I(base)] });
    out.push({ fn: 'float', args: [S(tokens(rand, FLOAT_TOKENS, 5))] });
  }
  return out;
}

const SPEC_TYPES_INT = ['', '', 'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', 's', 'r', '\x01', 'é'];
const SPEC_TYPES_FLOAT = ['', '', '', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', 'd', 'x', 's', 'c'];
const SPEC_TYPES_STR = ['', '', '', 's', 'd', 'r'];

/** A random spec from the grammar `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`, sometimes corrupted. */
function specGen(rand: () => number, types: readonly string[]): string {
  const p = (x: number): boolean => rand() < x;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let s = '';
  if (p(0.35)) s += (p(0.5) ? pick(['*', '0', ' ', 'é', '<', '{', '😀']) : '') + pick(['<', '>', '^', '=']);
  if (p(0.3)) s += pick(['+', '-', ' ']);
  if (p(0.1)) s += 'z';
  if (p(0.2)) s += '#';
  if (p(0.2)) s += '0';
  if (p(0.5)) s += String(smallInt(rand, 0, 25));
  if (p(0.25)) s += pick([',', '_', ',_', '_,']);
  if (p(0.45)) s += '.' + (p(0.95) ? String(smallInt(rand, 0, 20)) : '');
  s += pick(types);
  if (p(0.03)) s += pick(['x', 'd', '5']);
  return s;
}

function randomFloat(rand: () => number): number {
  const r = rand();
  if (r < 0.3) {
    // short decimals, halfway cases, round numbers
    const d = [0.5, 1.5, 2.5, 0.125, 0.375, 1e16, 1e15, 9.5, 99.5, 0.05, 1e-5, 1e-4, 123456.789, 1234.5, 0.1, 1 / 3, 2 / 3, 100, 1e22, 5e-324];
    return d[Math.floor(rand() * d.length)]! * (rand() < 0.3 ? -1 : 1) * (rand() < 0.3 ? 10 ** smallInt(rand, -6, 6) : 1);
  }
  if (r < 0.6) return (rand() - 0.5) * 10 ** smallInt(rand, -8, 20);
  if (r < 0.65) return [0, -0, Infinity, -Infinity, NaN, Number.MAX_VALUE, Number.MIN_VALUE][Math.floor(rand() * 7)]!;
  // any bit pattern
  view.setUint32(0, Math.floor(rand() * 2 ** 32));
  view.setUint32(4, Math.floor(rand() * 2 ** 32));
  return view.getFloat64(0);
}

function randomInt(rand: () => number): bigint {
  const r = rand();
  if (r < 0.3) return BigInt(smallInt(rand, -300, 300));
  if (r < 0.4) return [0n, 1n, -1n, 65n, 0x10ffffn, 0x110000n, 0xd800n, 2n ** 63n - 1n, -(2n ** 63n), 1234567n][Math.floor(rand() * 10)]!;
  return BigInt(Math.floor((rand() - 0.5) * 10 ** smallInt(rand, 1, 18)));
}

function formatCases(rand: () => number, n: number): SCase[] {
  const out: SCase[] = [];
  for (const spec of ['', '010,', '0=10,', '06,', '#x', '_b', '#_o', ',', '_', 'n', ',d', '+c', 'c', '^9c', '.2', 'z', '%', '.3e', ',.2f', '=+12,', '\x01', 'é', ',x', '_x', ',_', '_,', '.', '99999999999999999999', '1١', '#']) {
    for (const i of [0n, 1234n, -1234567n, 65n, 255n, -(2n ** 63n)]) out.push({ fn: 'format_int', args: [I(i), S(spec)] });
    for (const x of [0, -0, 1.5, -1234.5678, 1e16, 1e-7, Infinity, NaN, 0.5, 2.5]) out.push({ fn: 'format_float', args: [floatArg(x), S(spec)] });
    out.push({ fn: 'format_str', args: [S('héllo'), S(spec)] });
    out.push({ fn: 'format_bool', args: [B(true), S(spec)] });
  }
  for (let k = 0; k < n; k++) {
    out.push({ fn: 'format_int', args: [I(randomInt(rand)), S(specGen(rand, SPEC_TYPES_INT))] });
    out.push({ fn: 'format_float', args: [floatArg(randomFloat(rand)), S(specGen(rand, SPEC_TYPES_FLOAT))] });
    out.push({ fn: 'format_float', args: [floatArg(randomFloat(rand)), S(specGen(rand, ['e', 'f', 'g', '', '%', 'G']))] });
    if (k % 3 === 0) out.push({ fn: 'format_str', args: [S(strGen(rand)(5)), S(specGen(rand, SPEC_TYPES_STR))] });
    if (k % 6 === 0) out.push({ fn: 'format_bool', args: [B(rand() < 0.5), S(specGen(rand, SPEC_TYPES_INT))] });
    if (k % 4 === 0) out.push({ fn: pick3(rand), args: [I(randomInt(rand))] });
    if (k % 4 === 0) out.push({ fn: 'chr', args: [I(rand() < 0.5 ? randomInt(rand) : BigInt(smallInt(rand, 0, 0x10ffff)))] });
  }
  return out;
}

/** Ints of up to ~400 bits (and a few past the 4300-digit limit) through the PyInt API. */
function pyintCases(rand: () => number, n: number): SCase[] {
  const out: SCase[] = [];
  const big = (): bigint => {
    let v = 0n;
    const bits = Math.floor(rand() * 400);
    for (let k = 0; k < bits; k += 30) v = (v << 30n) | BigInt(Math.floor(rand() * 2 ** 30));
    v >>= BigInt(Math.max(0, Math.floor(rand() * 30)));
    return rand() < 0.4 ? -v : v;
  };
  const edges = [0n, -1n, 2n ** 63n, -(2n ** 63n) - 1n, 2n ** 64n, 10n ** 4300n - 1n, 10n ** 4300n, -(16n ** 3600n), 0x10ffffn];
  for (const v of edges) {
    for (const spec of ['', 'd', ',', '_x', '#b', 'c', 'e', '.3f', '%', 'n', '030,']) out.push({ fn: 'format_pyint', args: [P(v), S(spec)] });
    for (const fn of ['pyint_bin', 'pyint_oct', 'pyint_hex']) out.push({ fn, args: [P(v)] });
  }
  for (let k = 0; k < n; k++) {
    const v = big();
    out.push({ fn: 'format_pyint', args: [P(v), S(specGen(rand, SPEC_TYPES_INT))] });
    if (k % 3 === 0) out.push({ fn: ['pyint_bin', 'pyint_oct', 'pyint_hex'][(k / 3) % 3]!, args: [P(v)] });
    if (k % 3 === 1) {
      const base = [0, 2, 8, 10, 16, 36][Math.floor(rand() * 6)]!;
      const text = rand() < 0.5 ? v.toString(base === 0 ? 10 : base) : tokens(rand, INT_TOKENS, 6);
      out.push({ fn: 'pyint_from_str', args: [S(text), I(base)] });
    }
  }
  for (const s of ['1' + '0'.repeat(4299), '1' + '0'.repeat(4300), '0x' + 'f'.repeat(5000), ' -0b1_0 ', '0_0']) for (const base of [0, 10, 16]) out.push({ fn: 'pyint_from_str', args: [S(s), I(base)] });
  return out;
}

function pick3(rand: () => number): string {
  return ['bin', 'oct', 'hex'][Math.floor(rand() * 3)]!;
}

/** Every BMP code point except surrogates, and every 13th one above, in strings of 256. */
function charInfoCases(): SCase[] {
  const cps: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) cps.push(c);
  for (let c = 0x10000; c < 0x110000; c += 13) cps.push(c);
  cps.push(0x10ffff);
  const out: SCase[] = [];
  for (let k = 0; k < cps.length; k += 256) out.push({ fn: 'charinfo', args: [S(String.fromCodePoint(...cps.slice(k, k + 256)))] });
  return out;
}

function edgeCases(): SCase[] {
  const out: SCase[] = [];
  for (const s of ['', 'a', "a'b", 'a"b', `a'"b`, '\\', '\x00\x7f\x85\xa0\xad', '\u200b\u2028\ue000\u{e0001}\u{10ffff}\u{1f600}', 'é\t\n\r']) out.push({ fn: 'repr', args: [S(s)] });
  for (const n of [-1n, 0n, 1n, 0x10ffffn, 0x110000n, 0xd7ffn, 0xd800n, 0xdfffn, 0xe000n, 2n ** 31n - 1n, 2n ** 31n, -(2n ** 31n), -(2n ** 31n) - 1n, 2n ** 63n - 1n, -(2n ** 63n)]) out.push({ fn: 'chr', args: [I(n)] });
  for (const n of [2n ** 62n, 2n ** 63n - 1n]) out.push({ fn: 'repeat', args: [S('ab'), I(n)] });
  for (const step of [null, 1n, -1n, 2n, -(2n ** 63n), 2n ** 63n - 1n, 0n]) {
    for (const [a, b] of [[null, null], [-(2n ** 63n), 2n ** 63n - 1n], [2n ** 63n - 1n, -(2n ** 63n)], [3n, -3n]] as const) {
      out.push({ fn: 'slice', args: [S('héllo wörld'), a === null ? null : I(a), b === null ? null : I(b), step === null ? null : I(step)] });
    }
  }
  for (const i of [-(2n ** 63n), 2n ** 63n - 1n, -11n, 10n]) out.push({ fn: 'index', args: [S('héllo wörld'), I(i)] });
  for (const fn of ['find', 'rfind', 'count', 'startswith', 'endswith', 'index_of', 'rindex']) {
    for (const [a, b] of [[-(2n ** 63n), 2n ** 63n - 1n], [2n ** 63n - 1n, null], [3n, 3n], [4n, null], [null, -(2n ** 63n)]] as const) {
      for (const sub of ['', 'l', 'ö']) out.push({ fn, args: [S('héllo wörld'), S(sub), a === null ? null : I(a), b === null ? null : I(b)] });
    }
  }
  for (const w of [-(2n ** 63n), 0n, 12n]) out.push({ fn: 'center', args: [S('ab'), I(w), S('é')] });
  out.push({ fn: 'center', args: [S('ab'), I(5), S('')] });
  out.push({ fn: 'split', args: [S('ab'), S(''), I(-1)] });
  out.push({ fn: 'split', args: [S('a b  c '), null, I(2n ** 63n - 1n)] });
  out.push({ fn: 'split', args: [S('a,b,c'), S(','), I(-(2n ** 63n))] });
  out.push({ fn: 'replace', args: [S('aaa'), S('a'), S('b'), I(-(2n ** 63n))] });
  out.push({ fn: 'partition', args: [S('ab'), S('')] });
  return out;
}

export function buildStrCases(): SCase[] {
  const rand = prng(0x57_2a_11);
  return [...edgeCases(), ...methodCases(rand, 20000), ...longStringCases(rand, 1500), ...parseCases(rand, 3000), ...formatCases(rand, 10000), ...pyintCases(rand, 3000), ...charInfoCases()];
}
