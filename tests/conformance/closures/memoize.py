from typing import Callable


def memoize(f: Callable[[int], int]) -> Callable[[int], int]:
    cache: dict[int, int] = {}
    calls = [0]

    def wrapped(n: int) -> int:
        if n not in cache:
            calls[0] += 1
            cache[n] = f(n)
        return cache[n]

    return wrapped


def slow_square(n: int) -> int:
    return n * n


fast = memoize(slow_square)
print([fast(i % 4) for i in range(10)])


def make_fib() -> Callable[[int], int]:
    memo: dict[int, int] = {}

    def fib(n: int) -> int:
        if n < 2:
            return n
        if n in memo:
            return memo[n]
        r = fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r

    return fib


fib = make_fib()
print(fib(50), fib(90))
