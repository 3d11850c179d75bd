"""Dict and set displays, slices, starred expressions, the walrus and del."""


def displays(xs: list, d: dict, k: str) -> dict:
    empty = {}
    table = {"a": 1, 'b': 2, k: len(xs), **d, (1, 2): [3, 4],}
    merged = {**d, **table}
    nested = {"outer": {"inner": {1, 2, 3}}, "list": [*xs, *xs]}
    singles = {1}, {*xs}, {*xs, 0, *range(3)}
    return {**empty, "t": table, "m": merged, "n": nested, "s": singles}


def slices(xs: list, m) -> list:
    a = xs[1:]
    b = xs[:-1]
    c = xs[::2]
    d = xs[::-1]
    e = xs[1:10:3]
    f = xs[:]
    g = xs[::]
    h = m[1:2, ::3, 0]
    i = m[:, None]
    j = m[..., 1:]
    k = xs[len(xs) // 2 :]
    m[0:1] = [9]
    xs[::2] = xs[1::2]
    return [a, b, c, d, e, f, g, h, i, j, k, m[*xs]]


def starred(xs: list, kw: dict) -> tuple:
    first, *rest = xs
    *init, last = xs
    a, *b, c = 1, 2, 3, 4
    [p, *q] = xs
    (r, *s), t = xs, 0
    for u, *v in [xs, xs]:
        pass
    print(*xs, sep="")
    print(*xs, *rest, 1, **kw)
    print(1, *xs, x=2, **kw, y=3)
    together = [*xs, *rest]
    pair = (*xs, 1)
    bare = *xs, *rest
    return first, rest, init, last, a, b, c, p, q, r, s, t, together, pair, bare


def walrus(xs: list) -> int:
    if (n := len(xs)) > 3:
        print(n)
    while (chunk := xs[:2]):
        xs = xs[2:]
    total = [y := 1, y ** 2]
    print(f(x := 5), x, (z := (w := 2) + 1))
    return n + sum(total) + z + w


def deletes(xs: list, d: dict) -> None:
    a = b = c = 1
    del a
    del b, c
    del xs[0], xs[1:3]
    del d["k"], d.attr
    del (xs[0], xs[1]), [xs[2]]
    del (xs[0]),
