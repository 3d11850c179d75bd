"""Comprehensions, generator expressions and lambdas."""


def comprehensions(xs: list, d: dict) -> list:
    squares = [x * x for x in xs]
    evens = [x for x in xs if x % 2 == 0 if x > 2]
    pairs = [(x, y) for x in range(3) for y in "ab" if x != 1]
    nested = [[c for c in row] for row in xs]
    unique = {x % 3 for x in xs}
    table = {k: v for k, v in d.items() if v}
    inverted = {v: k for k, v in table.items()}
    gen = (x + 1 for x in xs)
    total = sum(x for x in xs)
    maximum = max((x for x in xs if x), default=0)
    joined = "".join(str(x) for x in range(10))
    unpacked = [a + b for a, b in zip(xs, xs)]
    starred_targets = [h for h, *t in [xs, xs]]
    walrus = [y for x in xs if (y := x * 2) > 3]
    conditional = [x if x else -x for x in xs]
    lambdas = [lambda v, w=x: v + w for x in xs]
    return [squares, evens, pairs, nested, unique, table, inverted, gen, total, maximum, joined,
            unpacked, starred_targets, walrus, conditional, lambdas, y]


def lambdas() -> list:
    a = lambda: 0
    b = lambda x: x + 1
    c = lambda x, y=2: x * y
    d = lambda *args: len(args)
    e = lambda *args, key=None, **kw: (args, key, kw)
    f = lambda x, /, y, *, z: x + y + z
    g = lambda *, k=1: k
    h = lambda x: lambda y: x + y
    i = lambda x: (yield)
    j = (lambda: 1)()
    k = sorted([3, 1, 2], key=lambda v: -v)
    return [a, b, c, d, e, f, g, h, i, j, k]
