import math


def distance(x1: float, y1: float, x2: float, y2: float) -> float:
    return math.hypot(x2 - x1, y2 - y1)


def heron(a: float, b: float, c: float) -> float:
    s = (a + b + c) / 2
    area2 = s * (s - a) * (s - b) * (s - c)
    return math.sqrt(area2) if area2 > 0 else 0.0


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)


def rounded_area(r: float) -> float:
    return round(math.pi * r * r, ndigits=3)


def angle_deg(x: float, y: float) -> float:
    return math.degrees(math.atan2(y, x)) % 360.0


def polygon_perimeter(n: int, side: float) -> float:
    return n * side if n >= 3 else float("nan")


def clamp(x: float, lo: float, hi: float) -> float:
    return min(max(x, lo), hi)
