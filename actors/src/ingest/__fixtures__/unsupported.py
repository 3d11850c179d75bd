"""Constructs outside the modelled subset, each mapped to CPython's node name."""
import math
from collections import *


class Point:
    x: float = 0.0

    def norm(self) -> float:
        return math.hypot(self.x, 0.0)


@staticmethod
def decorated(*args: int, key: str = "k", **kwargs: int) -> None:
    pass


async def fetch(n: int) -> int:
    await thing(n)
    async for item in source():
        pass
    async with lock:
        pass
    return n


def gen(n: int):
    yield n
    yield from range(n)
    x = (yield)
    return x


def misc(xs: list, d: dict) -> int:
    squares = [x * x for x in xs if x > 0]
    evens = {x for x in xs if x % 2 == 0}
    table = {k: v for k, v in d.items()}
    total = sum(x for x in xs)
    pair = {"a": 1, **d}
    f = lambda y: y + 1
    label = f"{total:>10} and {pair!r}"
    first, *rest = xs
    head = xs[0:2]
    step = xs[::2]
    multi = xs[1:2, 3]
    call = max(*xs, **d)
    if (n := len(xs)) > 3:
        pass
    try:
        assert n > 0, "positive"
    except ValueError as e:
        raise RuntimeError("bad") from e
    finally:
        del table
    with open("x") as fh, open("y"):
        pass
    match n:
        case 1:
            pass
        case _:
            pass
    return squares and evens and total and f(1) and label and first and rest and head and step and multi and call


def outer() -> int:
    value = 1

    def inner() -> int:
        nonlocal value
        value += 1
        return value

    return inner()
