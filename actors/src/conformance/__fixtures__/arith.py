"""Small integer and float functions, used by the conformance tests.

arith.rs is a hand-written translation following docs/abi.md; built with
`--cfg wrong` it has deliberate bugs the conformance run must catch.
"""
import math


def mod(a: int, b: int) -> int:
    return a % b


def floordiv(a: int, b: int) -> int:
    return a // b


def scale(x: float, k: int) -> float:
    return x * k


def is_even(n: int) -> bool:
    return n % 2 == 0


def root(x: float) -> float:
    return math.sqrt(x)


def steps(n: int) -> int:
    count = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        count += 1
    return count


def countdown(n: int) -> int:
    while n > 0:
        n -= 2
    return n


def fact(n: int) -> int:
    if n <= 1:
        return 1
    return n * fact(n - 1)


def pick(flag: bool, x: float) -> float:
    if flag:
        return x
    return -x


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def guard(n: int) -> None:
    if n < 0:
        n = n // 0


def clamp(x: float) -> float:
    if x < 0.0:
        return 0
    return x
