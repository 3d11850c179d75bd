def in_range(x: int, lo: int, hi: int) -> bool:
    return lo <= x < hi


def ordered(a: float, b: float, c: float) -> bool:
    return a < b < c or a > b > c


def classify(n: int) -> int:
    if 0 < n <= 9:
        return 1
    elif 10 <= n <= 99:
        return 2
    elif n == 0 != 1:
        return 0
    return -1


def all_equal(a: int, b: int, c: int, d: int) -> bool:
    return a == b == c == d


def weird(a: int, b: int) -> bool:
    return a is not b and not a in (1, 2) and b not in [3, 4] and (a is None) is False


def sign_flags(x: float) -> int:
    return (x > 0) - (x < 0)
