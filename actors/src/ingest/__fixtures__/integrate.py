"""Numeric integration of a few fixed functions."""
from math import exp, sin, pi


def f(x: float) -> float:
    return x * x * exp(-x)


def trapezoid(a: float, b: float, n: int) -> float:
    h = (b - a) / n
    total = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        total += f(a + i * h)
    return total * h


def simpson(a: float, b: float, n: int) -> float:
    if n % 2 == 1:
        n += 1
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        weight = 4.0 if i % 2 == 1 else 2.0
        s += weight * f(a + i * h)
    return s * h / 3.0


def midpoint_sin(n: int) -> float:
    """Integral of sin over [0, pi]; the exact value is 2."""
    h = pi / n
    acc = 0.0
    i = 0
    while i < n:
        acc += sin((i + 0.5) * h)
        i += 1
    return acc * h
