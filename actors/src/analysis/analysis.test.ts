/**
 * Analysis on real Python sources parsed by the real ingest stage: inferred
 * types, the exported API, constant folding, the IR shape the transpiler
 * relies on, and every refusal code with its location.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../ingest/ingest.js';
import { analyze } from './analysis.js';
import type { AnalysisResult, FunctionIR, ModuleIR, TStmt } from './types.js';

async function analyzeSource(source: string, file = 'mod.py'): Promise<AnalysisResult> {
  const parsed = await ingest({ file, source });
  expect(parsed.diagnostics).toEqual([]);
  return analyze(parsed);
}

async function ok(source: string, file = 'mod.py'): Promise<ModuleIR> {
  const r = await analyzeSource(source, file);
  expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return r.module!;
}

/** `code line:col message` for each diagnostic. */
async function errors(source: string): Promise<string[]> {
  const r = await analyzeSource(source);
  expect(r.module).toBeNull();
  return r.diagnostics.map((d) => `${d.code} ${d.range!.start.line}:${d.range!.start.column} ${d.message}`);
}

function fn(m: ModuleIR, name: string): FunctionIR {
  const f = m.functions.find((x) => x.name === name);
  if (!f) throw new Error(`no function ${name}`);
  return f;
}

function localTypes(f: FunctionIR): Record<string, string> {
  return Object.fromEntries(f.locals.map((l) => [l.name, l.type]));
}

describe('types and API', () => {
  it('types fib and reports its exported signature', async () => {
    const m = await ok(
      [
        'def fib(n: int) -> int:',
        '    """Iterative Fibonacci."""',
        '    a, b = 0, 1',
        '    for _ in range(n):',
        '        a, b = b, a + b',
        '    return a',
      ].join('\n'),
      'src/fib.py',
    );
    expect(m.name).toBe('fib');
    const f = fn(m, 'fib');
    expect(f).toMatchObject({ exported: true, returns: 'int', doc: 'Iterative Fibonacci.', line: 1 });
    expect(f.params).toEqual([{ name: 'n', type: 'int', mutable: false }]);
    expect(f.locals).toEqual([
      { name: 'a', type: 'int', mutable: true, loopScoped: false },
      { name: 'b', type: 'int', mutable: true, loopScoped: false },
      { name: '_', type: 'int', mutable: true, loopScoped: true },
    ]);
    expect(f.body.map((s) => s.kind)).toEqual(['unpack', 'for', 'return']);
  });

  it('infers locals from their assignments and private results from their returns', async () => {
    const m = await ok(`
def _area(w: float, h: float):
    return w * h

def _fact(n: int):
    return 1 if n < 2 else n * _fact(n - 1)

def stats(n: int, x: float) -> float:
    total = 0.0
    count = 0
    big = n > 10
    half = n / 2
    floored = n // 2
    root = x ** 0.5
    inv = n ** -1
    for i in range(n):
        total += _area(x, i + 1.0)
        count += 1
    return total + half + root + inv + floored + count + big + _fact(3)
`);
    expect(fn(m, '_area')).toMatchObject({ exported: false, returns: 'float' });
    expect(fn(m, '_fact').returns).toBe('int');
    expect(localTypes(fn(m, 'stats'))).toEqual({
      total: 'float',
      count: 'int',
      big: 'bool',
      half: 'float',
      floored: 'int',
      root: 'float',
      inv: 'float',
      i: 'int',
    });
  });

  it('exports module-level defs not starting with _, and a private function needs no return annotation', async () => {
    const m = await ok('def _h(x: int):\n    return x\n\ndef api(x: int) -> None:\n    _h(x)\n');
    expect(m.functions.map((f) => [f.name, f.exported, f.returns])).toEqual([
      ['_h', false, 'int'],
      ['api', true, 'None'],
    ]);
  });

  it('skips the `if __name__ == "__main__":` block and keeps the module docstring', async () => {
    const m = await ok('"""Doc."""\ndef f(x: int) -> int:\n    return x\n\nif __name__ == "__main__":\n    print(f(3))\n');
    expect(m.doc).toBe('Doc.');
    expect(m.functions).toHaveLength(1);
  });

  it('makes bool → int and int → float conversions explicit, and int literals compared with floats floats', async () => {
    const m = await ok('def f(b: bool, n: int, x: float) -> float:\n    return (b + n) * x if 0 < x else 1\n');
    const ret = fn(m, 'f').body[0] as Extract<TStmt, { kind: 'return' }>;
    expect(ret.value).toMatchObject({
      kind: 'ifexp',
      type: 'float',
      test: { kind: 'compare', modes: ['float'], operands: [{ kind: 'literal', type: 'float', value: 0 }, { kind: 'local' }] },
      body: {
        kind: 'binary',
        op: 'mul',
        operandType: 'float',
        left: { kind: 'convert', type: 'float', operand: { kind: 'binary', op: 'add', operandType: 'int', left: { kind: 'convert', type: 'int' } } },
      },
      orelse: { kind: 'literal', type: 'float', value: 1 },
    });
  });

  it('uses exact mixed comparisons for an int variable against a float', async () => {
    const m = await ok('def f(n: int, x: float) -> bool:\n    return n < x <= 2.5\n');
    const ret = fn(m, 'f').body[0] as Extract<TStmt, { kind: 'return' }>;
    expect(ret.value).toMatchObject({ kind: 'compare', ops: ['lt', 'le'], modes: ['int_float', 'float'] });
  });

  it('allows operands of different types in `and`/`or` only where truthiness matters', async () => {
    await ok('def f(n: int, x: float) -> int:\n    if n and x:\n        return 1\n    while n or not x:\n        n -= 1\n    return 2 if n and x else 3\n');
    expect(await errors('def f(n: int, x: float) -> float:\n    return n or x\n')).toEqual([
      'PTL3003 2:12 the operands of `or` have different types (int and float); Python returns one of them, so the type would depend on the values',
    ]);
  });

  it('drops statements that can never run, and knows `while True` only exits by break', async () => {
    const m = await ok('def f(n: int) -> int:\n    while True:\n        if n > 3:\n            return n\n        n += 1\n    n = 5\n');
    const body = fn(m, 'f').body;
    expect(body.map((s) => s.kind)).toEqual(['while']);
    expect(body[0]).toMatchObject({ test: null, hasBreak: false });
  });

  it('marks mutable locals exactly when a second assignment can happen', async () => {
    const m = await ok(`
def f(n: int) -> int:
    if n > 0:
        x = 1
    else:
        x = 2
    y = x
    while n > 0:
        y += n
        n -= 1
    return y
`);
    const f = fn(m, 'f');
    expect(f.locals.map((l) => [l.name, l.mutable])).toEqual([
      ['x', false],
      ['y', true],
    ]);
    expect(f.params[0]!.mutable).toBe(true);
  });

  it('lets a for target be loop-scoped only when nothing outside the loops uses it', async () => {
    const m = await ok(`
def f(n: int) -> int:
    t = 0
    for i in range(n):
        t += i
    for i in range(n):
        t -= i
    j = 0
    for j in range(n):
        t += j
    return t + j
`);
    expect(fn(m, 'f').locals.map((l) => [l.name, l.loopScoped])).toEqual([
      ['t', false],
      ['i', true],
      ['j', false],
    ]);
  });

  it('accepts the for-else search pattern where the loop variable is read after a break', async () => {
    await ok('def f(n: int) -> int:\n    for d in range(2, n):\n        if n % d == 0:\n            break\n    else:\n        return n\n    return d\n');
  });

  it('supports keyword arguments for module functions, in Python evaluation order', async () => {
    const m = await ok('def _g(a: int, b: float) -> float:\n    return a * b\n\ndef f(x: int) -> float:\n    return _g(b=x * 1.5, a=x)\n');
    const ret = fn(m, 'f').body[0] as Extract<TStmt, { kind: 'return' }>;
    expect(ret.value).toMatchObject({ kind: 'call', func: '_g', evalOrder: [1, 0] });
  });
});

describe('constant folding in functions', () => {
  it('folds literal subexpressions exactly, through intermediates beyond 64 bits, and leaves raising ones to run time', async () => {
    const m = await ok('import math\ndef f(n: int) -> int:\n    return n + 2 ** 64 // 2 ** 32 + (1 // 0)\n\ndef g(x: float) -> float:\n    return x * (2 * math.pi)\n');
    const ret = fn(m, 'f').body[0] as Extract<TStmt, { kind: 'return' }>;
    expect(ret.value).toMatchObject({
      kind: 'binary',
      op: 'add',
      left: { kind: 'binary', op: 'add', right: { kind: 'literal', type: 'int', value: 4294967296n } },
      right: { kind: 'binary', op: 'floordiv', left: { kind: 'literal', value: 1n }, right: { kind: 'literal', value: 0n } },
    });
    const g = fn(m, 'g').body[0] as Extract<TStmt, { kind: 'return' }>;
    expect(g.value).toMatchObject({ kind: 'binary', op: 'mul', right: { kind: 'literal', type: 'float', value: 2 * Math.PI } });
  });
});

describe('module constants', () => {
  it('folds what CPython computes exactly and keeps the rest as expressions', async () => {
    const m = await ok(`
import math
N = 10
BIG = 2 ** 62 + (N - 1) // 3
G = 6.674e-11
TAU = 2 * math.pi
THIRD = 1 / 3
SQRT2 = math.sqrt(2)
LN2 = math.log(2)
FLAG: bool = N > 5
MIN = -9223372036854775808
`);
    const byName = Object.fromEntries(m.constants.map((c) => [c.name, c]));
    expect(byName.N!.value).toEqual({ kind: 'literal', type: 'int', value: 10n });
    expect(byName.BIG!.value).toEqual({ kind: 'literal', type: 'int', value: 2n ** 62n + 3n });
    expect(byName.G!.value).toEqual({ kind: 'literal', type: 'float', value: 6.674e-11 });
    expect(byName.TAU!.value).toEqual({ kind: 'literal', type: 'float', value: 6.283185307179586 });
    expect(byName.THIRD!.value).toEqual({ kind: 'literal', type: 'float', value: 1 / 3 });
    expect(byName.SQRT2!.value).toEqual({ kind: 'literal', type: 'float', value: Math.SQRT2 });
    expect(byName.LN2!.value).toMatchObject({ kind: 'builtin', name: 'math_log' });
    expect(byName.FLAG!).toMatchObject({ type: 'bool', value: { kind: 'compare' } });
    expect(byName.MIN!.value).toEqual({ kind: 'literal', type: 'int', value: -(2n ** 63n) });
  });

  it('refuses constants that fail at import, leave 64 bits, or use later names or functions', async () => {
    expect(
      await errors(`
A = 1 // 0
B = 2 ** 64
C = D + 1
D = 2
def f() -> int:
    return 1
E = f()
`),
    ).toEqual([
      'PTL2011 2:5 evaluating `A` raises ZeroDivisionError (integer division or modulo by zero), so the module cannot be imported',
      'PTL3011 3:5 the value of `B` does not fit in 64 bits',
      'PTL3004 4:5 `D` is used before its definition at 5:1',
      'PTL2011 8:5 module constants cannot call functions (`f`); compute the value inside a function instead',
    ]);
  });
});

describe('refusals', () => {
  it('PTL2001: unsupported statements', async () => {
    expect(await errors('def f(x: int) -> int:\n    try:\n        return x\n    except ValueError:\n        return 0\n')).toEqual([
      'PTL2001 2:5 `try` statements are not supported',
    ]);
    expect(await errors('def f(x: int) -> int:\n    global Y\n    assert x > 0\n    return x\n')).toEqual([
      'PTL2001 2:5 `global` statements are not supported',
      'PTL2001 3:5 `assert` statements are not supported',
    ]);
  });

  it('PTL2002: unsupported expressions', async () => {
    expect(await errors("def f(x: int) -> int:\n    b = b'x'\n    c = 1j\n    xs = [1, 'a']\n    return x @ x\n")).toEqual([
      'PTL2002 2:9 bytes literals are not supported',
      'PTL2002 3:9 complex numbers are not supported',
      "PTL3003 4:10 this list mixes an int and a str; Portalis gives every list one element type",
      'PTL2002 5:12 the `@` operator is not supported',
    ]);
  });

  it('PTL2003: classes', async () => {
    expect(await errors('class Point:\n    pass\n')).toEqual(['PTL2003 1:1 class definitions are not supported']);
  });

  it('PTL2004: generators', async () => {
    expect(await errors('def f(n: int) -> int:\n    yield n\n')).toEqual(['PTL2004 2:5 `yield` makes a generator, which is not supported']);
  });

  it('PTL2005: imports other than math', async () => {
    expect(await errors('import os\nfrom collections import deque\nfrom math import *\n')).toEqual([
      'PTL2005 1:8 `import os` is not supported; only the math module can be imported',
      'PTL2005 2:1 `from collections import ...` is not supported; only the math module can be imported',
      'PTL2005 3:18 `from math import *` is not supported',
    ]);
  });

  it('PTL2006: decorators, defaults, *args, **kwargs, async', async () => {
    expect(
      await errors('import functools\n@functools.cache\ndef f(a: int, b: int = 2, *rest: int, **kw: int) -> int:\n    return a\n'),
    ).toEqual([
      'PTL2005 1:8 `import functools` is not supported; only the math module can be imported',
      'PTL2006 2:2 decorators are not supported',
      'PTL2006 3:41 `**kw` parameters are not supported',
    ]);
    expect(await errors('async def f(a: int) -> int:\n    return a\n')).toEqual(['PTL2006 1:11 `async def` functions are not supported']);
  });

  it('PTL2007: other builtins and attributes', async () => {
    expect(await errors('import math\ndef f(x: float) -> float:\n    print(x)\n    return math.gamma(x) + x.real\n')).toEqual([
      'PTL2007 3:5 the builtin `print()` is not supported',
      'PTL2007 4:12 `math.gamma` is not supported',
      'PTL2007 4:28 attribute access (`.real`) is not supported',
    ]);
    expect(await errors('def f(a: float, b: float) -> float:\n    return eval("a")\n')).toEqual([
      'PTL2007 2:12 the builtin `eval()` is not supported',
    ]);
  });

  it('PTL3003: for over a value that is not iterable', async () => {
    expect(await errors('def f(n: int) -> int:\n    t = 0\n    for i in n:\n        t += i\n    return t\n')).toEqual([
      "PTL3003 3:14 'int' object is not iterable here",
    ]);
  });

  it('PTL2009: assignment targets', async () => {
    expect(await errors('def f(n: int) -> int:\n    n.x = 1\n    return n\n')).toEqual([
      'PTL2009 2:5 assignment to an attribute (`.x = ...`) is not supported',
    ]);
  });

  it('PTL2010: keyword arguments where unsupported', async () => {
    expect(await errors('def f(x: float) -> float:\n    return abs(x=x)\n')).toEqual(['PTL2010 2:16 keyword arguments to `abs()` are not supported']);
  });

  it('PTL2011: module-level code', async () => {
    expect(await errors('total = 0\nfor i in range(3):\n    total += i\n')).toEqual([
      'PTL2011 2:1 module-level `for` statements are not supported; put this code inside a function',
    ]);
  });

  it('PTL3001: missing annotations', async () => {
    expect(await errors('def f(n):\n    return n\n\ndef _g(m):\n    return m\n')).toEqual([
      'PTL3001 1:5 exported function `f` needs a return type annotation',
      'PTL3001 1:7 parameter `n` of exported function `f` needs a type annotation',
      'PTL3001 4:8 parameter `m` of `_g` needs a type annotation',
    ]);
  });

  it('PTL3002: unsupported types', async () => {
    expect(await errors('def f(s: bytes) -> complex:\n    return 1\n')).toEqual([
      'PTL3002 1:10 the type `bytes` is not supported',
      'PTL3002 1:20 the type `complex` is not supported',
    ]);
  });

  it('PTL3003: type mismatches', async () => {
    expect(
      await errors(
        'def _half(x: float) -> float:\n    return x / 2\n\ndef f(n: int, x: float) -> int:\n    y = _half(n)\n    z = n & 1.5\n    return x\n',
      ),
    ).toEqual([
      'PTL3003 5:15 argument `x` of `_half` is declared float but gets an int',
      "PTL3003 6:9 unsupported operand type(s) for &: 'int' and 'float'",
      'PTL3003 7:12 the return value of `f` is declared int but gets a float',
    ]);
    expect(await errors('def f(a: int, x: float) -> float:\n    return min(a, x)\n')).toEqual([
      'PTL3003 2:12 min() of int and float: CPython returns whichever argument wins, so the type would depend on the values',
    ]);
  });

  it('PTL3004: undefined names', async () => {
    expect(await errors('def f(n: int) -> int:\n    return n + undefined_thing\n')).toEqual(['PTL3004 2:16 name `undefined_thing` is not defined']);
  });

  it('PTL3005: wrong number of arguments', async () => {
    expect(
      await errors('def g(a: int, b: int) -> int:\n    return a + b\n\ndef f(n: int) -> int:\n    return g(n) + g(n, n, n) + g(n, c=1)\n'),
    ).toEqual([
      "PTL3005 5:12 g() missing 1 required positional argument: 'b'",
      'PTL3005 5:19 g() takes 2 positional arguments but 3 were given',
      "PTL3005 5:37 g() got an unexpected keyword argument 'c'",
    ]);
  });

  it('PTL3006: a local assigned two types, naming both places', async () => {
    const r = await analyzeSource('def f(n: int) -> float:\n    x = 0\n    for i in range(n):\n        x = x + 0.5\n    return x\n');
    expect(r.diagnostics.map((d) => `${d.code} ${d.range!.start.line}:${d.range!.start.column} ${d.message}`)).toEqual([
      'PTL3006 4:9 `x` is assigned an int at 2:5 and a float here',
    ]);
    expect(r.diagnostics[0]!.hint).toBe('Write `0.0` instead of `0` at 2:5 so `x` is a float from the start.');
  });

  it('PTL3007: missing return on some path', async () => {
    expect(await errors('def f(n: int) -> int:\n    if n > 0:\n        return n\n')).toEqual([
      'PTL3007 1:5 `f` can reach the end of its body without returning an int (Python would return None there)',
    ]);
  });

  it('PTL3008: a module constant made local by an assignment', async () => {
    expect(await errors('N = 3\ndef f() -> int:\n    N += 1\n    return N\n')).toEqual([
      'PTL3008 3:5 `N` is a module constant, but `f` assigns to it, which makes it a local variable in Python; this read happens before any assignment (Python raises UnboundLocalError)',
    ]);
  });

  it('PTL3009: reads of possibly-unassigned locals', async () => {
    expect(await errors('def f(n: int) -> int:\n    if n > 0:\n        y = 1\n    for i in range(n):\n        pass\n    return y + i\n')).toEqual([
      'PTL3009 6:12 `y` may be used before it is assigned (Python raises UnboundLocalError on that path)',
      'PTL3009 6:16 `i` may be used before it is assigned (Python raises UnboundLocalError on that path)',
    ]);
  });

  it('PTL3011: int literals outside 64 bits', async () => {
    expect(await errors('def f() -> int:\n    return 9223372036854775808\n')).toEqual(['PTL3011 2:12 the integer 9223372036854775808 does not fit in 64 bits']);
  });

  it('collects every problem of a file in one pass, in source order, each once', async () => {
    const found = await errors(`
import os

class A:
    pass

def f(x):
    return undefined + x

def g(n: int) -> int:
    s = "a"
    s = 1
    return n
`);
    expect(found.map((e) => e.split(' ').slice(0, 2).join(' '))).toEqual([
      'PTL2005 2:8',
      'PTL2003 4:1',
      'PTL3001 7:5',
      'PTL3001 7:7',
      'PTL3004 8:12',
      'PTL3006 12:5',
    ]);
  });

  it('returns no module and no diagnostics of its own when ingest failed', async () => {
    const parsed = await ingest({ file: 'bad.py', source: 'def f(:\n' });
    expect(parsed.module).toBeNull();
    const r = await analyze(parsed);
    expect(r).toMatchObject({ module: null, diagnostics: [], moduleName: 'bad' });
  });
});
