/**
 * Literal values: ints as exact bigints in every base, floats rounded like
 * CPython, imaginary literals, str/bytes escapes, and Python's repr() of
 * them (which dump.ts relies on). Checked against python3 when installed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type * as ast from './ast.js';
import { decodeBytes, decodeStr, parseFloatLiteral, parseIntLiteral, parseNumberLiteral, splitStringToken } from './literals.js';
import { parseSource } from './ingest.js';
import { reprBytes, reprFloat, reprImaginary, reprStr } from './py-repr.js';

function constant(source: string): ast.Constant {
  const r = parseSource('t.py', `x = ${source}\n`);
  expect(r.diagnostics).toEqual([]);
  const value = (r.module!.body[0] as ast.Assign).value;
  if (value.type !== 'Constant') throw new Error(`not a constant: ${value.type}`);
  return value;
}

describe('int literals', () => {
  it('parses every base with underscores, exactly', () => {
    expect(parseIntLiteral('0')).toBe(0n);
    expect(parseIntLiteral('000')).toBe(0n);
    expect(parseIntLiteral('1_000_000')).toBe(1000000n);
    expect(parseIntLiteral('0xDEAD_beef')).toBe(0xdeadbeefn);
    expect(parseIntLiteral('0X_ff')).toBe(255n);
    expect(parseIntLiteral('0o777')).toBe(511n);
    expect(parseIntLiteral('0O1_7')).toBe(15n);
    expect(parseIntLiteral('0b1010_1010')).toBe(170n);
    expect(parseIntLiteral('123456789012345678901234567890')).toBe(123456789012345678901234567890n);
    expect(parseIntLiteral('18446744073709551616')).toBe(2n ** 64n);
  });

  it('refuses what CPython refuses', () => {
    for (const bad of ['0777', '1_', '1__0', '_1', '0x', '0x_', '0o8', '0b2', '10L', '0b1_']) expect(parseIntLiteral(bad), bad).toBeNull();
  });
});

describe('float and imaginary literals', () => {
  it('parses the spellings Python accepts', () => {
    expect(parseFloatLiteral('1_000.5')).toBe(1000.5);
    expect(parseFloatLiteral('1e10')).toBe(1e10);
    expect(parseFloatLiteral('.5')).toBe(0.5);
    expect(parseFloatLiteral('5.')).toBe(5);
    expect(parseFloatLiteral('1E-7')).toBe(1e-7);
    expect(parseFloatLiteral('1_0.0_1e1_0')).toBe(10.01e10);
    expect(parseFloatLiteral('1e999')).toBe(Infinity);
    expect(parseFloatLiteral('1e-999')).toBe(0);
    expect(parseFloatLiteral('1._5')).toBeNull();
    expect(parseFloatLiteral('1e')).toBeNull();
  });

  it('rounds halfway and long inputs to nearest even, like CPython', () => {
    // 2**53 + 1 lies halfway between two doubles: ties go to even.
    expect(parseFloatLiteral('9007199254740993.0')).toBe(9007199254740992);
    expect(parseFloatLiteral('9007199254740995.0')).toBe(9007199254740996);
    // Just above the halfway point, only visible after 20+ digits.
    expect(parseFloatLiteral('9007199254740993.0000000000000000000001')).toBe(9007199254740994);
    expect(parseFloatLiteral('2.4703282292062327e-324')).toBe(0);
    expect(parseFloatLiteral('2.4703282292062328e-324')).toBe(5e-324);
  });

  it('gives imaginary literals kind complex', () => {
    expect(parseNumberLiteral('2j')).toEqual({ kind: 'complex', value: 2 });
    expect(parseNumberLiteral('1.5J')).toEqual({ kind: 'complex', value: 1.5 });
    expect(parseNumberLiteral('0777j')).toEqual({ kind: 'complex', value: 777 });
    expect(parseNumberLiteral('1e3j')).toEqual({ kind: 'complex', value: 1000 });
    expect(constant('10j')).toMatchObject({ kind: 'complex', value: 10 });
  });
});

describe('string and bytes literals', () => {
  it('splits prefixes and quotes', () => {
    expect(splitStringToken('rb"x"')).toMatchObject({ prefix: { raw: true, bytes: true, format: false }, quote: '"', body: 'x' });
    expect(splitStringToken("'''a'b'''")).toMatchObject({ quote: "'''", body: "a'b" });
    expect(splitStringToken('""')).toMatchObject({ quote: '"', body: '' });
    expect(splitStringToken('F"{x}"')).toMatchObject({ prefix: { format: true } });
    expect(splitStringToken("ur'x'")).toBeNull();
    expect(splitStringToken("t'x'")).toBeNull();
  });

  it('decodes every str escape', () => {
    expect(decodeStr('\\\\ \\\' \\" \\a\\b\\f\\n\\r\\t\\v', false)).toEqual({ ok: true, value: '\\ \' " \x07\b\f\n\r\t\v' });
    expect(decodeStr('\\0\\101\\1234\\777', false)).toEqual({ ok: true, value: '\0AS4\u01ff' });
    expect(decodeStr('\\x41\\u00e9\\U0001F600\\ud800', false)).toEqual({ ok: true, value: 'Aé😀\ud800' });
    expect(decodeStr('keep \\d \\q', false)).toEqual({ ok: true, value: 'keep \\d \\q' });
    expect(decodeStr('line\\\ncontinued', false)).toEqual({ ok: true, value: 'linecontinued' });
    expect(decodeStr('a\r\nb\rc', false)).toEqual({ ok: true, value: 'a\nb\nc' });
    expect(decodeStr('raw \\n \\x41', true)).toEqual({ ok: true, value: 'raw \\n \\x41' });
  });

  it('reports malformed escapes with CPython messages, and \\N{...} as unsupported', () => {
    expect(decodeStr('ab\\x4', false)).toEqual({
      ok: false,
      message: "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX escape",
    });
    expect(decodeStr('é\\u12', false)).toEqual({
      ok: false,
      message: "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-13: truncated \\uXXXX escape",
    });
    expect(decodeStr('\\U00110000', false)).toMatchObject({ ok: false, message: expect.stringContaining('illegal Unicode character') });
    expect(decodeStr('\\N{BULLET}', false)).toEqual({ ok: false, unsupported: true, message: '\\N{...} escape' });
  });

  it('decodes bytes: ASCII only, no \\u escapes, octal wraps at 256', () => {
    expect(decodeBytes('a\\x00\\xff\\n\\u1234', false)).toEqual({ ok: true, value: [0x61, 0, 0xff, 10, 0x5c, 0x75, 0x31, 0x32, 0x33, 0x34] });
    expect(decodeBytes('\\777\\101', false)).toEqual({ ok: true, value: [0xff, 0x41] });
    expect(decodeBytes('\\x4', false)).toEqual({ ok: false, message: '(value error) invalid \\x escape at position 0' });
    expect(decodeBytes('é', false)).toEqual({ ok: false, message: 'bytes can only contain ASCII literal characters' });
  });

  it('concatenates adjacent literals into one Constant spanning them all', () => {
    const c = constant('"a" \'b\' """c"""');
    expect(c).toMatchObject({ kind: 'str', value: 'abc' });
    expect([c.range.start.column, c.range.end.column]).toEqual([5, 20]);
    expect(constant('b"a" rb"\\d"')).toMatchObject({ kind: 'bytes', value: Uint8Array.from([0x61, 0x5c, 0x64]) });
    expect(parseSource('t.py', 'x = "a" b"b"\n').diagnostics[0]?.message).toBe('cannot mix bytes and nonbytes literals');
  });

  it('gives True/False/None/... their own kinds', () => {
    expect(constant('True')).toMatchObject({ kind: 'bool', value: true });
    expect(constant('False')).toMatchObject({ kind: 'bool', value: false });
    expect(constant('None')).toMatchObject({ kind: 'None', value: null });
    expect(constant('...')).toMatchObject({ kind: 'Ellipsis', value: null });
  });
});

describe('repr() like CPython', () => {
  it('formats floats with the shortest round-trip digits and Python exponents', () => {
    const cases: [number, string][] = [
      [0, '0.0'], [1, '1.0'], [1.5, '1.5'], [1e16, '1e+16'], [1e15, '1000000000000000.0'], [0.0001, '0.0001'],
      [0.00001, '1e-05'], [1.5e-7, '1.5e-07'], [1e308, '1e+308'], [5e-324, '5e-324'], [Infinity, 'inf'], [NaN, 'nan'],
      [123456789.125, '123456789.125'], [0.1 + 0.2, '0.30000000000000004'], [-2.5, '-2.5'], [-0, '-0.0'],
    ];
    for (const [x, repr] of cases) expect(reprFloat(x), String(x)).toBe(repr);
    expect(reprImaginary(2)).toBe('2j');
    expect(reprImaginary(1.5)).toBe('1.5j');
    expect(reprImaginary(1e16)).toBe('1e+16j');
    expect(reprImaginary(Infinity)).toBe('infj');
  });

  it('quotes and escapes str and bytes like CPython', () => {
    expect(reprStr("it's")).toBe('"it\'s"');
    expect(reprStr('both \' and "')).toBe("'both \\' and \"'");
    expect(reprStr('tab\t nl\n nul\0 del\x7f é € \u200b \ud800 😀 \u00a0')).toBe("'tab\\t nl\\n nul\\x00 del\\x7f é € \\u200b \\ud800 😀 \\xa0'");
    expect(reprBytes(Uint8Array.from([0x61, 0x27, 0x00, 0xff, 0x5c]))).toBe('b"a\'\\x00\\xff\\\\"');
  });
});

const python = process.env.PORTALIS_PYTHON ?? 'python3';
const hasPython = spawnSync(python, ['--version']).status === 0;

describe.skipIf(!hasPython)('literal values agree with python3', () => {
  it('floats, ints and strings from hard spellings', () => {
    const literals = [
      '0.1', '1e23', '8.98846567431158e307', '2.2250738585072011e-308', '4.9406564584124654e-324', '1.7976931348623157e308',
      '179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999',
      '123456789012345678901234567890e-50', '0.000001', '3.14159265358979323846264338327950288', '1_0e-1_0',
      '0xFFFF_FFFF_FFFF_FFFF_FFFF', '0o7_7_7', '0b1', '99999999999999999999999999999999',
      String.raw`"\x00\x7f\x80\u0100\U0010ffff é\n\\"`, String.raw`b"\x00\x7f\x80\377"`, String.raw`'\u2028\u2029\u00ad\ufeff'`,
    ];
    const r = spawnSync(python, ['-c', 'import ast,sys\nfor line in sys.stdin.read().splitlines(): print(ast.dump(ast.parse(line).body[0].value))'], {
      input: literals.map((l) => `${l}\n`).join(''),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const expected = r.stdout.trim().split('\n');
    const ours = literals.map((l) => {
      const res = parseSource('t.py', `${l}\n`);
      const e = (res.module!.body[0] as ast.Expr).value;
      return e.type === 'Constant' ? `Constant(value=${e.kind === 'int' ? e.value.toString() : e.kind === 'float' ? reprFloat(e.value) : e.kind === 'str' ? reprStr(e.value) : e.kind === 'bytes' ? reprBytes(e.value) : '?'})` : e.type;
    });
    expect(ours).toEqual(expected);
  });
});
