"""Square roots by Newton's method."""

TOLERANCE = 1e-12
MAX_ITER: int = 100


def newton_sqrt(x: float) -> float:
    if x < 0.0:
        return -1.0
    if x == 0.0:
        return 0.0
    guess = x if x > 1.0 else 1.0
    for _ in range(MAX_ITER):
        better = 0.5 * (guess + x / guess)
        if abs(better - guess) <= TOLERANCE * better:
            return better
        guess = better
    return guess


def isqrt(n: int) -> int:
    """Integer square root: the largest r with r * r <= n."""
    if n < 0:
        return -1
    if n < 2:
        return n
    r = n
    nxt = (r + n // r) // 2
    while nxt < r:
        r = nxt
        nxt = (r + n // r) // 2
    return r


def cube_root(x: float, rounds: int = 50) -> float:
    y = x / 3.0 if x != 0.0 else 0.0
    for i in range(rounds):
        if y == 0.0:
            break
        y = y - (y ** 3 - x) / (3.0 * y ** 2)
    return y
