"""Functions whose values cross the JS boundary encoded (ABI 2); wire.e2e.test.ts
runs each through the generated glue and through CPython and compares."""
from typing import Optional


def total(xs: list[float]) -> float:
    s = 0.0
    for x in xs:
        s += x
    return s


def doubled(xs: list[float]) -> list[float]:
    return [x * 2.0 for x in xs]


def ints(xs: list[int]) -> list[int]:
    return [x - 1 for x in xs]


def shout(s: str) -> str:
    return s.upper() + "!"


def same_str(s: str) -> str:
    return s


def count_chars(s: str) -> int:
    return len(s)


def tally(words: list[str]) -> dict[str, int]:
    d: dict[str, int] = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    return d


def same_dict(d: dict[str, list[int]]) -> dict[str, list[int]]:
    return d


def lengths(d: dict[str, list[int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k in d:
        out[k] = len(d[k])
    return out


def invert(d: dict[int, str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k in d:
        out[d[k]] = k
    return out


def nest(t: tuple[int, tuple[float, str]]) -> tuple[tuple[str, float], int]:
    return ((t[1][1], t[1][0]), t[0])


def rev(xs: tuple[int, ...]) -> tuple[int, ...]:
    return xs[::-1]


def uniq(xs: list[int]) -> set[int]:
    return set(xs)


def frozen(s: frozenset[str]) -> int:
    return len(s)


def flags(bs: list[bool]) -> list[bool]:
    return [not b for b in bs]


def pick(xs: list[int], i: int) -> int:
    return xs[i]


def grid(n: int) -> list[list[int]]:
    rows: list[list[int]] = []
    for i in range(n):
        row: list[int] = []
        for j in range(n):
            row.append(i * j)
        rows.append(row)
    return rows


def maybe_inc(x: Optional[int]) -> Optional[int]:
    if x is None:
        return None
    return x + 1


def first_long(words: list[str], n: int) -> Optional[str]:
    for w in words:
        if len(w) >= n:
            return w
    return None
