/**
 * Syntax errors: every broken input must give exactly one PTL1001 with
 * CPython 3.11's message, at CPython's line and column (1-based, code
 * points), and no module. The expectations below were taken from
 * `compile(src, 't.py', 'exec')`; when python3 is installed the same inputs
 * are also checked against it live, so the table cannot drift from CPython.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics/format.js';
import { parseSource } from './ingest.js';

/** [source, CPython's message, line, column] */
const CASES: [string, string, number, number][] = [
  ["def f(:\n    pass\n", "invalid syntax", 1, 7],
  ["if x\n    pass\n", "expected ':'", 1, 5],
  ["  x = 1\n", "unexpected indent", 1, 2],
  ["if x:\n        a\n    b\n", "unindent does not match any outer indentation level", 3, 6],
  ["x = \"abc\n", "unterminated string literal (detected at line 1)", 1, 5],
  ["x = (1, 2\n", "'(' was never closed", 1, 5],
  ["x = (1, 2\ny = 3\n", "'(' was never closed", 1, 5],
  ["x = 1)\n", "unmatched ')'", 1, 6],
  ["def f():\nreturn 1\n", "expected an indented block after function definition on line 1", 2, 1],
  ["1 = x\n", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1],
  ["f() = 1\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1],
  ["return 1\n", "'return' outside function", 1, 1],
  ["break\n", "'break' outside loop", 1, 1],
  ["x = 1 +\n", "invalid syntax", 1, 8],
  ["print \"x\"\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1],
  ["x = \"\"\"abc\n\ny\n", "unterminated triple-quoted string literal (detected at line 3)", 1, 5],
  ["nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1],
  ["for x in y\n    pass\n", "expected ':'", 1, 11],
  ["f(a b)\n", "invalid syntax. Perhaps you forgot a comma?", 1, 3],
  ["else:\n    pass\n", "invalid syntax", 1, 1],
  ["if x:\n\tif y:\n        pass\n", "inconsistent use of tabs and spaces in indentation", 3, 1],
  ["x = 1 2\n", "invalid syntax", 1, 7],
  ["def f()\n    return 1\n", "expected ':'", 1, 8],
  ["while True\n    pass\n", "expected ':'", 1, 11],
  ["x = $\n", "invalid syntax", 1, 5],
  ["a + 1 = 2\n", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1],
  ["x += 1 = 2\n", "invalid syntax", 1, 8],
  ["(a, 1) = 2\n", "cannot assign to literal", 1, 5],
  ["for 1 in x: pass\n", "cannot assign to literal", 1, 5],
  ["def f(x, x): pass\n", "duplicate argument 'x' in function definition", 1, 10],
  ["def f():\n    continue\n", "'continue' not properly in loop", 2, 5],
  ["del f()\n", "cannot delete function call", 1, 5],
  ["x = [1, 2\n", "'[' was never closed", 1, 5],
  ["x = 1\n  y = 2\n", "unexpected indent", 2, 2],
  ["class A:\npass\n", "expected an indented block after class definition on line 1", 2, 1],
  ["x = {1: 2\n", "'{' was never closed", 1, 5],
  ["f(**k, *a)\n", "iterable argument unpacking follows keyword argument unpacking", 1, 8],
  ["f(a=1, b)\n", "positional argument follows keyword argument", 1, 9],
  ["None = 1\n", "cannot assign to None", 1, 1],
  ["True = 1\n", "cannot assign to True", 1, 1],
  ["a, b += 1\n", "'tuple' is an illegal expression for augmented assignment", 1, 1],
  ["def f(a=1, b): pass\n", "non-default argument follows default argument", 1, 12],
  ["x = 0777\n", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5],
  ["x = 1_\n", "invalid decimal literal", 1, 6],
  ["x = 0x\n", "invalid hexadecimal literal", 1, 6],
  ["x = 1__0\n", "invalid decimal literal", 1, 6],
  ["x = b'é'\n", "bytes can only contain ASCII literal characters", 1, 5],
  ["f(x) += 1\n", "'function call' is an illegal expression for augmented assignment", 1, 1],
  ["from . import *, a\n", "invalid syntax", 1, 16],
  ["def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5],
  ["def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5],
  ["x = 1 if 2\n", "expected 'else' after 'if' expression", 1, 5],
  ["x = not\n", "invalid syntax", 1, 8],
  ["1 <> 2\n", "invalid syntax", 1, 3],
  ["exec 'x'\n", "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 1],
  ["`x`\n", "invalid syntax", 1, 1],
  ["x = 5 +* 3\n", "invalid syntax", 1, 8],
  ["if x:\npass\n", "expected an indented block after 'if' statement on line 1", 2, 1],
  ["for x in range(3):\n    pass\n  else:\n    pass\n", "unindent does not match any outer indentation level", 3, 8],
  ["x = '''a\n", "unterminated triple-quoted string literal (detected at line 1)", 1, 5],
  ["'abc\n", "unterminated string literal (detected at line 1)", 1, 1],
  ["async def f():\n    pass\nawait x\n", "'await' outside function", 3, 1],
  ["def f():\n    x = yield\nyield 1\n", "'yield' outside function", 3, 1],
  ["f(x for x in y, 1)\n", "Generator expression must be parenthesized", 1, 3],
  ["*a = 1\n", "starred assignment target must be in a list or tuple", 1, 1],
  ["x = *a\n", "can't use starred expression here", 1, 5],
  ["if x = 1:\n    pass\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4],
  ["def f(x y):\n    pass\n", "invalid syntax", 1, 9],
  ["def f(x):\n    return x y\n", "invalid syntax", 2, 14],
  ["x = [1, 2,, 3]\n", "invalid syntax", 1, 11],
  ["def f(x):\n    return (x + 1))\n", "unmatched ')'", 2, 19],
  ["while x < 10\n    x += 1\n", "expected ':'", 1, 13],
  ["elif x:\n    pass\n", "invalid syntax", 1, 1],
  ["for i in range(10) print(i)\n", "invalid syntax", 1, 20],
  ["def f():\n", "expected an indented block after function definition on line 1", 1, 9],
  ["def f():\n    # only a comment\n", "expected an indented block after function definition on line 1", 2, 21],
  ["x = 08\n", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5],
  ["x = 1.2.3\n", "invalid syntax", 1, 8],
  ["if True:\n  x = 1\n   y = 2\n", "unexpected indent", 3, 3],
  ["class = 1\n", "invalid syntax", 1, 7],
  ["from x import\n", "invalid syntax", 1, 14],
  ["import\n", "invalid syntax", 1, 7],
  ["a = 1 +* 2\n", "invalid syntax", 1, 8],
  ["def f(n: int) -> int:\n    s = 'abc\n    return n\n", "unterminated string literal (detected at line 2)", 2, 9],
  ["def f(n):\n    if n > 1\n        return n\n", "expected ':'", 2, 13],
  ["def f(n):\n    for i in range(n):\n    return i\n", "expected an indented block after 'for' statement on line 2", 3, 5],
  ["x = (1 +\n     2\n", "'(' was never closed", 1, 5],
  ["def f(a, b):\n    return a +\n", "invalid syntax", 2, 15],
  ["x = 10 20\n", "invalid syntax", 1, 8],
  ["def f():\n    return\n  x = 1\n", "unindent does not match any outer indentation level", 3, 8],
  ["x = 0b102\n", "invalid digit '2' in binary literal", 1, 9],
  ["x = 0o8\n", "invalid digit '8' in octal literal", 1, 7],
  ["x = 1e\n", "invalid decimal literal", 1, 5],
  ["x = 5 $ 3\n", "invalid syntax", 1, 7],
  ["x = 'abc' 'def\n", "unterminated string literal (detected at line 1)", 1, 11],
  ["def f():\n\treturn 1\n        pass\n", "inconsistent use of tabs and spaces in indentation", 3, 1],
  ["async = 5\n", "invalid syntax", 1, 7],
  ["x = [1, 2\ny = 3\n", "'[' was never closed", 1, 5],
  ["f(**kwargs, a)\n", "positional argument follows keyword argument unpacking", 1, 14],
  ["f(a, a=1, a=2)\n", "keyword argument repeated: a", 1, 11],
  ["def f(*):\n    pass\n", "named arguments must follow bare *", 1, 7],
  ["def f(a, /, b, /):\n    pass\n", "/ may appear only once", 1, 16],
  ["def f(**k, a):\n    pass\n", "arguments cannot follow var-keyword argument", 1, 12],
  ["x = €\n", "invalid character '€' (U+20AC)", 1, 5],
  ["x = 1\n", "invalid non-printable character U+00A0", 1, 2],
  ["def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5],
  ["def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5],
  ["def outer():\n    def inner():\n        nonlocal y\n", "no binding for nonlocal 'y' found", 3, 9],
  ["def f():\n    yield 1\n    return 2\nbreak\n", "'break' outside loop", 4, 1],
  ["for x in y:\n    pass\nelse:\n    break\n", "'break' outside loop", 4, 5],
  ["def f():\n    from math import *\n", "import * only allowed at module level", 2, 22],
  ["x = 1\nfrom __future__ import annotations\n", "from __future__ imports must occur at the beginning of the file", 2, 1],
  ["from __future__ import braces\n", "not a chance", 1, 1],
  ["from __future__ import nope\n", "future feature nope is not defined", 1, 1],
  ["def f():\n    await x\n", "'await' outside async function", 2, 5],
  ["async for x in y:\n    pass\n", "'async for' outside async function", 1, 1],
  ["x = (yield)\n", "'yield' outside function", 1, 6],
  ["x = 1 if True else\n", "invalid syntax", 1, 19],
  ["print('a' 'b' c)\n", "invalid syntax. Perhaps you forgot a comma?", 1, 7],
  ["def f(x):\n    return x ** \n", "invalid syntax", 2, 17],
  ["x = {'a': 1 'b': 2}\n", "invalid syntax. Perhaps you forgot a comma?", 1, 11],
  ["x = [i for i in range(3) if]\n", "invalid syntax", 1, 28],
  ["a, *b, *c = d\n", "multiple starred expressions in assignment", 1, 1],
  ["__debug__ = 1\n", "cannot assign to __debug__", 1, 1],
  ["f() += 1\n", "'function call' is an illegal expression for augmented assignment", 1, 1],
  ["[a, b] += 1\n", "'list' is an illegal expression for augmented assignment", 1, 1],
  ["x = not\n", "invalid syntax", 1, 8],
  ["if x:\npass\nelse:\n    pass\n", "expected an indented block after 'if' statement on line 1", 2, 1],
  ["try:\n    pass\n", "expected 'except' or 'finally' block", 2, 9],
  ["x = \"\"\"never\nclosed\n", "unterminated triple-quoted string literal (detected at line 2)", 1, 5],
  ["def f(a, (b)):\n    pass\n", "Function parameters cannot be parenthesized", 1, 10],
  ["x = 1 \\ 2\n", "unexpected character after line continuation character", 1, 8],
  ["x = 1\\\n", "unexpected EOF while parsing", 1, 7],
  // dicts, sets, slices, comprehensions, lambda, f-strings, starred, walrus, del
  ["[(yield) for x in y]\n", "'yield' inside list comprehension", 1, 3],
  ["def f():\n [(yield) for x in y]\n", "'yield' inside list comprehension", 2, 4],
  ["def f():\n {(yield x) for x in y}\n", "'yield' inside set comprehension", 2, 4],
  ["def f():\n {x: (yield) for x in y}\n", "'yield' inside dict comprehension", 2, 7],
  ["def f():\n ((yield) for x in y)\n", "'yield' inside generator expression", 2, 4],
  ["def f():\n [await x for x in y]\n", "asynchronous comprehension outside of an asynchronous function", 2, 2],
  ["def f():\n [x async for x in y]\n", "asynchronous comprehension outside of an asynchronous function", 2, 2],
  ["def f():\n [[x async for x in y] for z in w]\n", "asynchronous comprehension outside of an asynchronous function", 2, 2],
  ["lambda: await x\n", "'await' outside async function", 1, 9],
  ["async def f():\n lambda: await x\n", "'await' outside async function", 2, 10],
  ["[x for x in await y]\n", "'await' outside function", 1, 13],
  ["def f():\n [x := 1 for x in y]\n", "assignment expression cannot rebind comprehension iteration variable 'x'", 2, 3],
  ["def f():\n [y := 1 for x in y]\n global y\n", "name 'y' is used prior to global declaration", 3, 2],
  ["def f():\n (lambda y=x: 1)\n global x\n", "name 'x' is used prior to global declaration", 3, 2],
  ["def f():\n [x for x in x]\n global x\n", "name 'x' is used prior to global declaration", 3, 2],
  ["def f():\n del x\n global x\n", "name 'x' is assigned to before global declaration", 3, 2],
  ["def f():\n f\"{x}\"\n global x\n", "name 'x' is used prior to global declaration", 3, 2],
  ["def f():\n [x for x in range(3)]\n nonlocal x\n", "no binding for nonlocal 'x' found", 3, 2],
  ["[await x for x in y]\n", "asynchronous comprehension outside of an asynchronous function", 1, 1],
  ["def f():\n [j := 1 for i in y]\n global j\n", "name 'j' is assigned to before global declaration", 3, 2],
  ["del 1\n", "cannot delete literal", 1, 5],
  ["del (a, b+1)\n", "cannot delete expression", 1, 9],
  ["del *a\n", "cannot delete starred", 1, 5],
  ["del [a, *b]\n", "cannot delete starred", 1, 9],
  ["[x for 1 in y]\n", "cannot assign to literal", 1, 8],
  ["[x for a+b in y]\n", "cannot assign to expression", 1, 8],
  ["[*a for a in b]\n", "iterable unpacking cannot be used in comprehension", 1, 2],
  ["{**a for a in b}\n", "dict unpacking cannot be used in dict comprehension", 1, 2],
  ["f(**a, *b)\n", "iterable argument unpacking follows keyword argument unpacking", 1, 8],
  ["f(**k, a)\n", "positional argument follows keyword argument unpacking", 1, 9],
  ["(a.b := 1)\n", "cannot use assignment expressions with attribute", 1, 2],
  ["(a[0] := 1)\n", "cannot use assignment expressions with subscript", 1, 2],
  ["x := 1\n", "invalid syntax", 1, 3],
  ["*a = b\n", "starred assignment target must be in a list or tuple", 1, 1],
  ["a = *b\n", "can't use starred expression here", 1, 5],
  ["lambda x, x: 1\n", "duplicate argument 'x' in function definition", 1, 11],
  ["lambda x=1, y: 1\n", "non-default argument follows default argument", 1, 13],
  ["lambda *: 1\n", "named arguments must follow bare *", 1, 9],
  ["lambda (x): 1\n", "Lambda expression parameters cannot be parenthesized", 1, 8],
  ["f(*)\n", "invalid syntax", 1, 4],
  ["[*]\n", "invalid syntax", 1, 3],
  ["x[a:b:c:d]\n", "invalid syntax", 1, 8],
  ["f\"{x!}\"\n", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 8],
  ["del f\"{x}\"\n", "cannot delete f-string expression", 1, 5],
  ["[x for x in y] = 1\n", "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1, 1],
  ["lambda: 1 = 2\n", "cannot assign to lambda", 1, 1],
  ["{1: 2} = x\n", "cannot assign to dict literal here. Maybe you meant '==' instead of '='?", 1, 1],
  ["(x := 1) = 2\n", "cannot assign to named expression here. Maybe you meant '==' instead of '='?", 1, 2],
  ["for (x := 1) in y: pass\n", "cannot assign to named expression", 1, 6],
  ["del (x for x in y)\n", "cannot delete generator expression", 1, 5],
  ["f(x=1, x=2)\n", "keyword argument repeated: x", 1, 8],
  ["x = f\"{}\"\n", "f-string: empty expression not allowed", 1, 10],
  ["x = 1; y = f\"a{ }\"\n", "f-string: empty expression not allowed", 1, 19],
  ["f\"{x!z}\"\n", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9],
  ["f\"{x!r }\"\n", "f-string: expecting '}'", 1, 10],
  ["f\"}\"\n", "f-string: single '}' is not allowed", 1, 5],
  ["f\"{\"\n", "f-string: expecting '}'", 1, 5],
  ["f\"{a b}\"\n", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2],
  ["f\"{a#}\"\n", "f-string expression part cannot include '#'", 1, 8],
  ["f\"{a:{b:{c}}}\"\n", "f-string: expressions nested too deeply", 1, 15],
  ["f\"{a\\n}\"\n", "f-string expression part cannot include a backslash", 1, 9],
  ["f\"{)}\"\n", "f-string: unmatched ')'", 1, 7],
  ["f\"{(}\"\n", "f-string: closing parenthesis '}' does not match opening parenthesis '('", 1, 7],
  ["f\"{1+}\"\n", "f-string: invalid syntax", 1, 4],
  ["z = (1,\n f\"{a b}\")\n", "f-string: invalid syntax. Perhaps you forgot a comma?", 2, 2],
  ["f\"{x!r=}\"\n", "f-string: expecting '}'", 1, 10],
  ["f\"{lambda x: 1}\"\n", "f-string: invalid syntax", 1, 10],
  ["f\"{x}\" b\"a\"\n", "cannot mix bytes and nonbytes literals", 1, 12],
  ["\"a\" b\"a\"\n", "cannot mix bytes and nonbytes literals", 1, 9],
  ["x = (\"a\"\n  b\"a\")\n", "cannot mix bytes and nonbytes literals", 2, 7],
  ["b\"a\" f\"{x}\"\n", "cannot mix bytes and nonbytes literals", 1, 12],
  ["z = (1,\n f\"{}\"\n)\n", "f-string: empty expression not allowed", 3, 1],
  ["z = (1,\n f\"{}\"  # c\n  , 2)\n", "f-string: empty expression not allowed", 3, 3],
  ["x = f\"{}\"  # c\n", "f-string: empty expression not allowed", 1, 12],
  ["x = f\"{}\";y=1\n", "f-string: empty expression not allowed", 1, 10],
  ["x = 1\ny = f\"\"\"ab\n  {a b} c\"\"\"\n", "f-string: invalid syntax. Perhaps you forgot a comma?", 3, 2],
  ["y = f\"\"\"ab\n  {}\"\"\"\n", "f-string: empty expression not allowed", 2, 8],
  ["y = (f\"a\"\n  f\"{1+}\")\n", "f-string: invalid syntax", 2, 4],
  ["def f():\n    return f\"{x:{y:{z}}}\"\n", "f-string: expressions nested too deeply", 2, 26],
  ["f\"{x:}}\"\n", "f-string: single '}' is not allowed", 1, 9],
  ["f\"{ x!r }\"\n", "f-string: expecting '}'", 1, 11],
  ["f\"{x:{y:{z}}}\"\n", "f-string: expressions nested too deeply", 1, 15],
  ["f\"{yield x}\"\n", "'yield' outside function", 1, 4],
  ["f\"{await x}\"\n", "'await' outside function", 1, 4],
  ["f\"{*x}\"\n", "f-string: cannot use starred expression here", 1, 2],
  ["f\"{lambda: 1}\"\n", "f-string: invalid syntax", 1, 8],
  ["f\"{x:{}}\"\n", "f-string: empty expression not allowed", 1, 10],
  ["f\"{ }\"\n", "f-string: empty expression not allowed", 1, 7],
  ["f\"{!r}\"\n", "f-string: expression required before '!'", 1, 8],
  ["f\"{:x}\"\n", "f-string: expression required before ':'", 1, 8],
  ["f\"{=}\"\n", "f-string: expression required before '='", 1, 7],
  ["f\"{a=b}\"\n", "f-string: expecting '}'", 1, 9],
  ["(*x)\n", "cannot use starred expression here", 1, 2],
  ["(lambda)\n", "invalid syntax", 1, 8],
  ["x = (lambda)\n", "invalid syntax", 1, 12],
  // raise, assert, try, with and class (converted ahead of analysis)
  ["try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", "default 'except:' must be last", 3, 1],
  ["try:\n    pass\nexcept A, B:\n    pass\n", "multiple exception types must be parenthesized", 3, 8],
  ["with a as 1:\n    pass\n", "cannot assign to literal", 1, 11],
  ["with a as f():\n    pass\n", "cannot assign to function call", 1, 11],
  ["raise from x\n", "invalid syntax", 1, 7],
  ["raise x from\n", "invalid syntax", 1, 13],
  ["assert\n", "invalid syntax", 1, 7],
  ["class A(**k, *a): pass\n", "iterable argument unpacking follows keyword argument unpacking", 1, 14],
  ["class A(a=1, b): pass\n", "positional argument follows keyword argument", 1, 15],
  ["try:\n    x = 1\n    1 = x\nexcept E:\n    pass\n", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 3, 5],
  ["try:\n    pass\nexcept E:\npass\n", "expected an indented block after 'except' statement on line 3", 4, 1],
  ["with a:\npass\n", "expected an indented block after 'with' statement on line 1", 2, 1],
  ["try:\n    pass\nexcept* E:\n    pass\nexcept F:\n    pass\n", "cannot have both 'except' and 'except*' on the same 'try'", 5, 1],
  ["try:\n    pass\nexcept*:\n    pass\n", "expected one or more exception types", 3, 8],
  ["class A:\n    return 1\n", "'return' outside function", 2, 5],
  ["class A:\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5],
  ["def f():\n    class A:\n        nonlocal x\n", "no binding for nonlocal 'x' found", 3, 9],
  ["try:\n    pass\nexcept E:\n    break\n", "'break' outside loop", 4, 5],
  ["with a as (b, *c, *d):\n    pass\n", "multiple starred expressions in assignment", 1, 11],
  ["async with a:\n    pass\n", "'async with' outside async function", 1, 1],
  ["def f():\n    async with a:\n        pass\n", "'async with' outside async function", 2, 5],
];

describe('syntax errors are reported like CPython', () => {
  for (const [source, message, line, column] of CASES) {
    it(`${JSON.stringify(source)} → ${line}:${column} ${message}`, () => {
      const result = parseSource('broken.py', source);
      expect(result.module).toBeNull();
      expect(result.diagnostics).toHaveLength(1);
      const d = result.diagnostics[0]!;
      expect(d.code).toBe('PTL1001');
      expect(d.stage).toBe('ingest');
      expect(d.file).toBe('broken.py');
      expect(d.message).toBe(message);
      expect([d.range?.start.line, d.range?.start.column]).toEqual([line, column]);
    });
  }

  it('renders file:line:col, the message and a code frame', () => {
    const source = 'def f(n: int) -> int:\n    if n > 1\n        return n\n    return 0\n';
    const d = parseSource('src/fib.py', source).diagnostics[0]!;
    expect(formatDiagnostic(d, source)).toBe(
      [
        "src/fib.py:2:13: error PTL1001: expected ':'",
        '  1 | def f(n: int) -> int:',
        '> 2 |     if n > 1',
        '    |             ^',
        `  hint: ${d.hint}`,
      ].join('\n'),
    );
  });
});

const python = process.env.PORTALIS_PYTHON ?? 'python3';
const hasPython = spawnSync(python, ['--version']).status === 0;

describe.skipIf(!hasPython)('the expectations match the installed CPython', () => {
  it('compile() gives the same message, line and column for every case', () => {
    const script = String.raw`
import json, sys
out = []
for src in json.load(sys.stdin):
    try:
        compile(src, 't.py', 'exec')
        out.append(None)
    except SyntaxError as e:
        out.append([e.msg, e.lineno, e.offset])
print(json.dumps(out))
`;
    const r = spawnSync(python, ['-c', script], { input: JSON.stringify(CASES.map((c) => c[0])), encoding: 'utf8' });
    expect(r.status).toBe(0);
    const actual = JSON.parse(r.stdout) as ([string, number, number] | null)[];
    expect(actual).toEqual(CASES.map(([, message, line, column]) => [message, line, column]));
  });
});
