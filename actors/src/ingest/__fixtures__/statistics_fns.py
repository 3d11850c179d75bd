"""Running statistics over arithmetic sequences, with annotated locals."""
from __future__ import annotations

SCALE: float = 1.0
count: int


def mean(start: int, stop: int) -> float:
    total: float = 0.0
    n: int = 0
    for x in range(start, stop):
        total += x * SCALE
        n += 1
    return total / n if n else 0.0


def variance(start: int, stop: int) -> float:
    m = mean(start, stop)
    acc: float = 0.0
    k = 0
    for x in range(start, stop):
        d: float
        d = x - m
        acc += d * d
        k += 1
    return acc / (k - 1) if k > 1 else 0.0


def weighted(a: float, b: float, /, w: float = 0.5, *, clamp: bool = True) -> float:
    value = a * w + b * (1 - w)
    if clamp and value < 0.0:
        value = 0.0
    return value


def counter() -> int:
    global count
    count = 0
    count += 1
    return count
