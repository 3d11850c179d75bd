import math
import math as m
from math import sqrt, floor as fl, ceil
from math import (
    hypot,
    log,
)


def dist(x: float, y: float) -> float:
    return math.sqrt(x * x + y * y) - hypot(x, y) + m.fabs(sqrt(4.0))


def digits(n: int) -> int:
    if n == 0:
        return 1
    return fl(math.log10(abs(n))) + 1


def circle_area(r: float) -> float:
    return math.pi * r ** 2


def log_base(x: float, base: float = math.e) -> float:
    return log(x, base) + ceil(0.5) - 1
