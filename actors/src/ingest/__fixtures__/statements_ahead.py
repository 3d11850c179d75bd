"""raise, assert, try, with and class: converted by ingest ahead of analysis."""
import contextlib


class Empty:
    pass


class Point(object):
    """A point."""

    dims: int = 2

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y


@contextlib.contextmanager
def managed(n: int):
    yield n


@decorator(1)
@other
class Child(Point, metaclass=type, **{}):
    class Inner:
        value = 1


class Error(ValueError): ...


def check(x: int, ys: list) -> int:
    assert x > 0
    assert x < 100, f"too big: {x}"
    if x == 3:
        raise
    if x == 4:
        raise ValueError("four")
    if x == 5:
        raise KeyError(x) from None
    try:
        y = ys[x]
    except IndexError:
        y = -1
    except (KeyError, TypeError) as e:
        raise RuntimeError("bad") from e
    except:
        raise
    else:
        y += 1
    finally:
        ys.clear()
    try:
        pass
    finally:
        pass
    try:
        x = 1 // 0
    except* ZeroDivisionError as group:
        pass
    with open("a") as f, open("b"):
        pass
    with (open("a") as f, open("b") as (g, h),):
        pass
    with managed(1) as m: x += m
    with a, (b):
        pass
    return y


async def copy(src, dst) -> None:
    async with src as s, dst:
        pass


def generator(n: int):
    yield
    yield n
    yield n, n + 1
    x = yield
    y = (yield n * 2)
    yield from range(n)
    z = yield from generator(n - 1)
    print((yield), x, y, z)


async def waiter(t):
    await t
    value = await t.result(1) + await t
    return [await x for x in t] if value else await t.done()
