"""CPython side of the PyInt differential test (bigint.test.ts).

Reads the case lines of bigint_driver.rs on stdin (ints in signed hex,
floats as IEEE bits, strings as hex UTF-8), evaluates each with Python's
own int, and prints one result line per case in the driver's format:
  i <hex> | ii <hex> <hex> | c <cmp> <eq lt ge> | f <bits> | s <text>
  | e <Type>\t<message>
`str` and `int(str)` run under CPython 3.11's default digit limit.
"""
import struct
import sys


def h(v):
    return format(v, "x")


def bits(x):
    return struct.pack(">d", x).hex()


def evaluate(w):
    op = w[0]
    a = lambda: int(w[1], 16)
    b = lambda: int(w[2], 16)
    i = lambda v: "i " + h(v)
    if op == "add": return i(a() + b())
    if op == "sub": return i(a() - b())
    if op == "mul": return i(a() * b())
    if op == "neg": return i(-a())
    if op == "abs": return i(abs(a()))
    if op == "floordiv": return i(a() // b())
    if op == "mod": return i(a() % b())
    if op == "divmod":
        q, r = divmod(a(), b())
        return "ii %s %s" % (h(q), h(r))
    if op == "pow":
        r = a() ** b()
        return "f " + bits(r) if isinstance(r, float) else i(r)
    if op == "powmod": return i(pow(a(), b(), int(w[3], 16)))
    if op == "lshift": return i(a() << b())
    if op == "rshift": return i(a() >> b())
    if op == "and": return i(a() & b())
    if op == "or": return i(a() | b())
    if op == "xor": return i(a() ^ b())
    if op == "invert": return i(~a())
    if op == "cmp":
        x, y = a(), b()
        c = (x > y) - (x < y)
        return "c %d %d%d%d" % (c, x == y, x < y, x >= y)
    if op == "hash": return i(hash(a()))
    if op == "float": return "f " + bits(float(a()))
    if op == "truediv": return "f " + bits(a() / b())
    if op == "fromfloat": return i(int(struct.unpack(">d", bytes.fromhex(w[1]))[0]))
    if op == "str": return "s " + str(a())
    if op == "fromstr": return i(int(bytes.fromhex(w[2]).decode("utf-8"), int(w[1])))
    if op == "bitlen": return i(a().bit_length())
    raise NotImplementedError(op)


out = []
for line in sys.stdin.read().split("\n"):
    if not line:
        continue
    try:
        out.append(evaluate(line.split(" ")))
    except Exception as e:  # the class and message are the result
        out.append("e %s\t%s" % (type(e).__name__, e))
sys.stdout.write("\n".join(out) + "\n")
