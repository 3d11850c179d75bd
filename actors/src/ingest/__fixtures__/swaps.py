def rotate3(a: int, b: int, c: int) -> int:
    a, b, c = b, c, a
    (a, b), c = (b, a), c
    [a, b] = [b, a]
    return a * 100 + b * 10 + c


def aug_ops(x: int) -> int:
    x += 1
    x -= 2
    x *= 3
    x //= 2
    x %= 1000
    x **= 2
    x <<= 3
    x >>= 1
    x &= 0xFFFF
    x |= 0b1010
    x ^= 0o17
    return x


def float_aug(y: float) -> float:
    y /= 3.0
    y @= 1.0 if False else 1.0
    return y


def chain(n: int) -> int:
    a = b = c = n
    a += 1
    b -= 1
    return a * b * c


def swap_in_loop(n: int) -> int:
    lo, hi = 0, n
    while lo < hi:
        lo, hi = lo + 1, hi - 1
    return lo - hi
