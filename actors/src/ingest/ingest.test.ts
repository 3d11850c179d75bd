/**
 * The ingest stage end to end: reading files (missing, directories, invalid
 * UTF-8, BOM, coding declarations, size limit), cancellation, the AST shapes
 * CPython gives (elif, chained comparisons, BoolOp flattening, docstrings,
 * decorators, unsupported constructs by CPython node name), and source
 * ranges on non-ASCII and CRLF text.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as ast from './ast.js';
import { dumpAst } from './dump.js';
import { ingest, parseSource } from './ingest.js';
import { parseTree } from './parser.js';
import { MAX_SOURCE_BYTES } from './read-source.js';

const dir = mkdtempSync(join(tmpdir(), 'portalis-ingest-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function parse(source: string): ast.Module {
  const r = parseSource('t.py', source);
  expect(r.diagnostics).toEqual([]);
  return r.module!;
}

function firstExpr(source: string): ast.Expr_ {
  const s = parse(source).body[0]!;
  if (s.type !== 'Expr') throw new Error(`expected an expression statement, got ${s.type}`);
  return s.value;
}

describe('reading sources', () => {
  it('reads the file when no source is given', async () => {
    const path = file('ok.py', 'def f(n: int) -> int:\n    return n + 1\n');
    const r = await ingest({ file: path });
    expect(r.diagnostics).toEqual([]);
    expect(r.file).toBe(path);
    expect(r.source).toBe('def f(n: int) -> int:\n    return n + 1\n');
    expect(r.module?.body[0]?.type).toBe('FunctionDef');
  });

  it('uses the given source instead of reading the file', async () => {
    const r = await ingest({ file: join(dir, 'does-not-exist.py'), source: 'x = 1\n' });
    expect(r.diagnostics).toEqual([]);
    expect(dumpAst(r.module!)).toBe("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])");
  });

  it('reports a missing file as PTL1003', async () => {
    const path = join(dir, 'missing.py');
    const r = await ingest({ file: path });
    expect(r.module).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.message, d.stage])).toEqual([['PTL1003', `cannot read ${path}: no such file`, 'ingest']]);
  });

  it('reports a directory as PTL1003', async () => {
    const path = join(dir, 'a-dir.py');
    mkdirSync(path, { recursive: true });
    const r = await ingest({ file: path });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PTL1003']);
  });

  it('rejects invalid UTF-8 with PTL1002 at the first bad byte', async () => {
    const path = file('latin1.py', Uint8Array.from([...Buffer.from('x = 1\ns = "caf'), 0xe9, ...Buffer.from('"\n')]));
    const r = await ingest({ file: path });
    expect(r.module).toBeNull();
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('PTL1002');
    expect(d.message).toBe('source is not valid UTF-8: byte 0xe9 at offset 14 cannot be decoded');
    expect(d.range?.start).toEqual({ line: 2, column: 9, offset: 14 });
  });

  it('rejects overlong encodings and surrogates encoded in UTF-8', async () => {
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      const r = await ingest({ file: file('bad.py', Uint8Array.from([0x78, 0x3d, ...bad])) });
      expect(r.diagnostics.map((d) => d.code)).toEqual(['PTL1002']);
    }
  });

  it('rejects a source string holding a lone surrogate', async () => {
    const r = await ingest({ file: 'x.py', source: 's = "\ud800"\n' });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([['PTL1002', 'source is not valid UTF-8: it contains a lone surrogate U+D800']]);
  });

  it('strips a UTF-8 BOM; offsets index the text without it', async () => {
    const path = file('bom.py', Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('x = 1\n')]));
    const r = await ingest({ file: path });
    expect(r.diagnostics).toEqual([]);
    expect(r.source).toBe('x = 1\n');
    expect(r.module!.body[0]!.range.start).toEqual({ line: 1, column: 1, offset: 0 });
    const fromString = await ingest({ file: 'x.py', source: '\ufeffx = 1\n' });
    expect(fromString.source).toBe('x = 1\n');
  });

  it('refuses a non-UTF-8 coding declaration when it would change the text', async () => {
    const latin = await ingest({ file: 'x.py', source: '# -*- coding: latin-1 -*-\ns = "é"\n' });
    expect(latin.diagnostics.map((d) => [d.code, d.range?.start.line])).toEqual([['PTL1002', 2]]);
    const ascii = await ingest({ file: 'x.py', source: '#!/usr/bin/env python3\n# coding: latin-1\nx = 1\n' });
    expect(ascii.diagnostics).toEqual([]);
    const utf8 = await ingest({ file: 'x.py', source: '# vim: set fileencoding=utf-8 :\ns = "é"\n' });
    expect(utf8.diagnostics).toEqual([]);
  });

  it('enforces the 4 MiB limit on files and strings (PTL1004)', async () => {
    const atLimit = `x = 1  #${'-'.repeat(MAX_SOURCE_BYTES - 9)}\n`;
    expect(Buffer.byteLength(atLimit)).toBe(MAX_SOURCE_BYTES);
    expect((await ingest({ file: 'x.py', source: atLimit })).diagnostics).toEqual([]);
    const big = '#'.repeat(MAX_SOURCE_BYTES + 1);
    const fromFile = await ingest({ file: file('big.py', big) });
    expect(fromFile.diagnostics.map((d) => [d.code, d.message])).toEqual([['PTL1004', 'source file is too large (4.0 MiB; the limit is 4 MiB)']]);
    // The limit counts UTF-8 bytes, not UTF-16 units.
    const wide = `s = "${'é'.repeat(MAX_SOURCE_BYTES / 2)}"\n`;
    expect((await ingest({ file: 'x.py', source: wide })).diagnostics.map((d) => d.code)).toEqual(['PTL1004']);
  });

  it('reports NUL bytes as a syntax error', async () => {
    const r = await ingest({ file: 'x.py', source: 'x = 1\ny = \0\n' });
    expect(r.diagnostics.map((d) => [d.code, d.message, d.range?.start.line, d.range?.start.column])).toEqual([
      ['PTL1001', 'source code cannot contain null bytes', 2, 5],
    ]);
  });

  it('rejects with the abort reason when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('replaced by a newer build'));
    await expect(ingest({ file: 'x.py', source: 'x = 1\n' }, { signal: controller.signal })).rejects.toThrow('replaced by a newer build');
  });
});

describe('AST shapes match CPython', () => {
  it('elif chains are nested Ifs in orelse', () => {
    const s = parse('if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\n').body[0] as ast.If;
    expect(s.orelse).toHaveLength(1);
    const elif = s.orelse[0] as ast.If;
    expect(elif.type).toBe('If');
    expect(elif.range.start).toEqual({ line: 3, column: 1, offset: 16 });
    expect(elif.orelse.map((x) => x.type)).toEqual(['Assign']);
    expect(s.range.end.line).toBe(6);
  });

  it('a < b <= c is one Compare; not in / is not are single operators', () => {
    const e = firstExpr('a < b <= c is not d not in e\n') as ast.Compare;
    expect(e.type).toBe('Compare');
    expect(e.ops).toEqual(['Lt', 'LtE', 'IsNot', 'NotIn']);
    expect(e.comparators).toHaveLength(4);
  });

  it('a and b and c is one BoolOp; parentheses and mixed operators nest', () => {
    expect(dumpAst(firstExpr('a and b and c\n'))).toBe(
      "BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), Name(id='c', ctx=Load())])",
    );
    expect(dumpAst(firstExpr('(a and b) and c or d\n'))).toBe(
      "BoolOp(op=Or(), values=[BoolOp(op=And(), values=[BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), Name(id='c', ctx=Load())]), Name(id='d', ctx=Load())])",
    );
  });

  it('extracts function docstrings, keeping the Expr statement as CPython does', () => {
    const f = parse('def f():\n    """Doc\n    string."""\n    return 1\n').body[0] as ast.FunctionDef;
    expect(f.docstring).toBe('Doc\n    string.');
    expect(f.body[0]!.type).toBe('Expr');
    const g = parse('def g():\n    x = "not a docstring"\n').body[0] as ast.FunctionDef;
    expect(g.docstring).toBeNull();
    const h = parse('def h():\n    b"bytes are not docstrings"\n').body[0] as ast.FunctionDef;
    expect(h.docstring).toBeNull();
  });

  it('decorators go to decorator_list and are outside the function range', () => {
    const f = parse('@cache\n@wraps(g)\nasync def f(x):\n    return x\n').body[0] as ast.FunctionDef;
    expect(f.is_async).toBe(true);
    expect(f.decorator_list.map((d) => d.type)).toEqual(['Name', 'Call']);
    expect(f.range.start).toEqual({ line: 3, column: 1, offset: 17 });
    expect(f.nameRange.start).toEqual({ line: 3, column: 11, offset: 27 });
  });

  it('maps parameters like CPython: posonly, defaults, *args, kwonly, **kwargs', () => {
    const f = parse('def f(a, b=1, /, c: int = 2, *args, d, e=3, **kw) -> None: pass\n').body[0] as ast.FunctionDef;
    const a = f.args;
    expect(a.posonlyargs.map((x) => x.arg)).toEqual(['a', 'b']);
    expect(a.args.map((x) => x.arg)).toEqual(['c']);
    expect(a.defaults).toHaveLength(2);
    expect(a.vararg?.arg).toBe('args');
    expect(a.kwonlyargs.map((x) => x.arg)).toEqual(['d', 'e']);
    expect(a.kw_defaults.map((x) => x?.type ?? null)).toEqual([null, 'Constant']);
    expect(a.kwarg?.arg).toBe('kw');
    expect(a.args[0]!.annotation?.type).toBe('Name');
  });

  it('maps constructs outside the model to CPython node names', () => {
    const stmts: [string, string][] = [
      ['class A:\n    pass\n', 'ClassDef'],
      ['try:\n    pass\nexcept E:\n    pass\n', 'Try'],
      ['try:\n    pass\nexcept* E:\n    pass\n', 'TryStar'],
      ['with a as b:\n    pass\n', 'With'],
      ['async def f():\n    async with a:\n        pass\n', 'AsyncWith'],
      ['raise E\n', 'Raise'],
      ['assert x, "m"\n', 'Assert'],
      ['match x:\n    case 1:\n        pass\n', 'Match'],
      ['@d\nclass A:\n    pass\n', 'ClassDef'],
    ];
    for (const [source, node] of stmts) {
      const body = parse(source).body;
      const s = body[0]!.type === 'FunctionDef' ? (body[0] as ast.FunctionDef).body[0]! : body[0]!;
      expect(s, source).toMatchObject({ type: 'UnsupportedStmt', node });
    }
    const exprs: [string, string][] = [
      ['f"{x}\\N{BULLET}"\n', 'JoinedStr'],
      ['"\\N{BULLET}"\n', 'Constant'],
    ];
    for (const [source, node] of exprs) expect(firstExpr(source), source).toMatchObject({ type: 'UnsupportedExpr', node });
    const inner = (source: string): ast.Expr_ => (parse(`def f():\n    ${source}\n`).body[0] as ast.FunctionDef).body[0]!.type === 'Expr'
      ? ((parse(`def f():\n    ${source}\n`).body[0] as ast.FunctionDef).body[0] as ast.Expr).value
      : (((parse(`def f():\n    ${source}\n`).body[0] as ast.FunctionDef).body[0] as ast.Assign).value);
    expect(((parse('async def f():\n    return [x async for x in y]\n').body[0] as ast.FunctionDef).body[0] as ast.Return).value).toMatchObject({
      type: 'UnsupportedExpr',
      node: 'ListComp',
      detail: 'async comprehension',
    });
    expect(inner('yield 1')).toMatchObject({ type: 'UnsupportedExpr', node: 'Yield' });
    expect(inner('yield from x')).toMatchObject({ type: 'UnsupportedExpr', node: 'YieldFrom' });
    expect(inner('x = yield')).toMatchObject({ type: 'UnsupportedExpr', node: 'Yield' });
    expect((parse('async def f():\n    await g()\n').body[0] as ast.FunctionDef).body[0]).toMatchObject({
      type: 'Expr',
      value: { type: 'UnsupportedExpr', node: 'Await' },
    });
    expect(dumpAst(firstExpr('f(*a, x[1:2], **k)\n'))).toBe(
      "Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load())], keywords=[keyword(value=Name(id='k', ctx=Load()))])",
    );
    expect(firstExpr('"\\N{BULLET}"\n')).toMatchObject({ detail: '\\N{...} escape' });
  });

  it('records the Python 3.12 generic def as unsupported rather than dropping its type parameters', () => {
    expect(parse('def f[T](x: T) -> T:\n    return x\n').body[0]).toMatchObject({ type: 'UnsupportedStmt', node: 'FunctionDef', detail: 'type parameters' });
  });

  it('AnnAssign.simple follows CPython', () => {
    const body = parse('x: int = 1\n(y): int\na.b: int\n').body as ast.AnnAssign[];
    expect(body.map((s) => s.simple)).toEqual([true, false, false]);
  });

  it('normalises identifiers to NFKC like CPython', () => {
    expect((firstExpr('𝐀𝐁 + ﬁ\n') as ast.BinOp).left).toMatchObject({ type: 'Name', id: 'AB' });
    expect((firstExpr('𝐀𝐁 + ﬁ\n') as ast.BinOp).right).toMatchObject({ type: 'Name', id: 'fi' });
  });
});

describe('source ranges', () => {
  it('relies on node-tree-sitter giving UTF-16 indices for string input (not UTF-8 bytes)', () => {
    const source = 's = "😀é"; t = 1\n';
    const root = parseTree(source).rootNode;
    const t = root.children.filter((c) => c.type === 'expression_statement')[1]!;
    expect(t.startIndex).toBe(source.indexOf('t = 1'));
    // Its columns are UTF-16 units too; ingest computes code-point columns itself.
    expect(t.startPosition).toEqual({ row: 0, column: 11 });
  });

  it('counts columns in code points and offsets in UTF-16 units', () => {
    // 😀 is one code point, two UTF-16 units; é is one of each.
    const source = 's = "😀é"; t = 1\n';
    const [, assign] = parse(source).body as ast.Assign[];
    const t = assign!.targets[0]!;
    expect(t.range.start).toEqual({ line: 1, column: 11, offset: 11 });
    expect(source.slice(t.range.start.offset, t.range.end.offset)).toBe('t');
    const str = (parse(source).body[0] as ast.Assign).value;
    expect(str.range.start).toEqual({ line: 1, column: 5, offset: 4 });
    expect(str.range.end).toEqual({ line: 1, column: 9, offset: 9 });
  });

  it('places nodes after astral characters on later lines correctly', () => {
    const source = '# 𝄞𝄞𝄞\nx = "𝄞"\ny = x\n';
    const body = parse(source).body as ast.Assign[];
    expect(body[1]!.range.start).toEqual({ line: 3, column: 1, offset: source.indexOf('y = x') });
    expect(body[0]!.value.range.end.column).toBe(8);
  });

  it('handles CRLF and lone CR line endings', () => {
    for (const nl of ['\r\n', '\r']) {
      const source = `def f(n):${nl}    if n:${nl}        return 1${nl}    return 2${nl}`;
      const f = parse(source).body[0] as ast.FunctionDef;
      const ret = f.body[1]!;
      expect(ret.type).toBe('Return');
      expect(ret.range.start.line).toBe(4);
      expect(ret.range.start.column).toBe(5);
      expect(source.slice(ret.range.start.offset, ret.range.end.offset)).toBe('return 2');
    }
    const s = (parse('s = """a\r\nb"""\r\n').body[0] as ast.Assign).value as ast.Constant;
    expect(s.value).toBe('a\nb');
  });

  it('keeps parenthesised statements on continuation lines whatever their indentation', () => {
    const source = 'def f(n):\n    return max(n,\n1) + (n -\n  2)  # done\n';
    const r = parseSource('t.py', source);
    expect(r.diagnostics).toEqual([]);
    const ret = (r.module!.body[0] as ast.FunctionDef).body[0]!;
    expect([ret.range.start.line, ret.range.end.line, ret.range.end.column]).toEqual([2, 4, 5]);
  });

  it('every node range lies inside the source and nests inside its parent', () => {
    const source = 'def f(a: int, *b) -> int:\n    x = [a, (b, 1)][0] if a else -a ** 2\n    return f(x, k=1) and not x\n';
    const module = parse(source);
    // A format spec spans its own string token while its parts span the whole
    // concatenation (CPython 3.11 does the same), so parts are checked against
    // the field's range, not the spec's.
    const check = (node: unknown, outer: ast.Module['range'], loose = false): void => {
      if (Array.isArray(node)) return node.forEach((n) => check(n, outer));
      if (node === null || typeof node !== 'object' || node instanceof Uint8Array) return;
      const n = node as { range?: ast.Module['range'] };
      let inner = outer;
      if (n.range && 'type' in n) {
        expect(n.range.start.offset).toBeGreaterThanOrEqual(outer.start.offset);
        expect(n.range.end.offset).toBeLessThanOrEqual(outer.end.offset);
        expect(n.range.start.offset).toBeLessThanOrEqual(n.range.end.offset);
        if (!loose) inner = n.range;
      }
      for (const [k, v] of Object.entries(node)) {
        if (k !== 'range' && k !== 'nameRange') check(v, k === 'decorator_list' ? outer : inner, k === 'format_spec');
      }
    };
    check(module, module.range);
    const richer =
      'def g(xs, d):\n    del xs[0], d["k"]\n    first, *rest = {**d, 1: {2, *xs}}, xs[1:2, ::3]\n' +
      '    return [y := v for v in xs if v] + (lambda a, *b, c=1: a)(*xs) + f"{xs!r:>{first}} and {rest = }" "!"\n';
    const m = parse(richer);
    check(m, m.range);
  });
});
