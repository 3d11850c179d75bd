/**
 * The text builtins and special methods (builtins-text.ts, lower-format.ts):
 * what they lower to, and CPython's TypeErrors and str.format errors refused
 * at compile time with CPython's message.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../ingest/ingest.js';
import { analyze } from './analysis.js';

async function diagnostics(source: string): Promise<string[]> {
  const parsed = await ingest({ file: 'script.py', source });
  expect(parsed.diagnostics).toEqual([]);
  return (await analyze(parsed, { script: true })).diagnostics.map((d) => `${d.code} ${d.range!.start.line}:${d.range!.start.column} ${d.message}`);
}

describe('text builtins', () => {
  it('accepts ord, chr, bin, hex, oct, hash, format and tuple prefixes', async () => {
    expect(await diagnostics('s = "a"\nprint(ord(s), chr(65), bin(True), hex(-1), oct(8), hash((1, "a")), format(2.5, ">6"), s.startswith(("a", "b"), 0))\n')).toEqual([]);
  });

  it("refuses CPython's TypeErrors with its messages", async () => {
    expect(await diagnostics('print(ord(5))\n')).toEqual(['PTL3003 1:11 ord() expected string of length 1, but int found']);
    expect(await diagnostics('print(hex(1.5))\n')).toEqual(["PTL3003 1:11 'float' object cannot be interpreted as an integer"]);
    expect(await diagnostics('print(hash([1]))\n')).toEqual(["PTL3003 1:12 unhashable type: 'list'"]);
    expect(await diagnostics('print(format(1, 2))\n')).toEqual(['PTL3003 1:17 format() argument 2 must be str, not int']);
    expect(await diagnostics('print("ab".startswith(("a", 1)))\n')).toEqual(['PTL3003 1:23 startswith first arg must be str or a tuple of str, not tuple']);
  });
});

describe('str.format', () => {
  it('refuses format strings CPython rejects, with its message', async () => {
    expect(await diagnostics('print("{} {}".format(1))\n')).toEqual(['PTL3003 1:7 this call raises IndexError: Replacement index 1 out of range for positional args tuple']);
    expect(await diagnostics('print("{x}".format(y=1))\n')).toEqual(["PTL3003 1:7 this call raises KeyError: 'x'"]);
    expect(await diagnostics('print("{0}{}".format(1, 2))\n')).toEqual(['PTL3003 1:7 this format string raises ValueError: cannot switch from manual field specification to automatic field numbering']);
    expect(await diagnostics('print("}".format())\n')).toEqual(["PTL3003 1:7 this format string raises ValueError: Single '}' encountered in format string"]);
  });

  it('refuses what it does not translate: attribute fields, a format string in a variable, effects out of order', async () => {
    expect((await diagnostics('print("{0.real}".format(1))\n'))[0]).toMatch(/^PTL2002 1:7 the format field \{0.real\} reads an attribute/);
    expect((await diagnostics('f = "{}"\nprint(f.format(1))\n'))[0]).toMatch(/^PTL2002 2:7 str.format\(\) is supported on a literal format string only/);
    const twice = 'def g() -> int:\n    return 1\nprint("{1} {0}".format(g(), g()))\n';
    expect((await diagnostics(twice))[0]).toMatch(/^PTL2002 3:7 str.format\(\) arguments with calls/);
    expect(await diagnostics('def g() -> int:\n    return 1\nprint("{} {:>{}}".format(g(), "x", 3))\n')).toEqual([]);
  });
});
