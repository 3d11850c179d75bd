"""Fibonacci numbers, three ways."""


def fib(n: int) -> int:
    """Return the n-th Fibonacci number (fib(0) == 0), iteratively."""
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_rec(n: int) -> int:
    # Exponential, but a good test of recursion.
    if n < 2:
        return n
    return fib_rec(n - 1) + fib_rec(n - 2)


def fib_fast(n: int) -> int:
    """Fast doubling: F(2k) = F(k) * (2F(k+1) - F(k)), F(2k+1) = F(k)^2 + F(k+1)^2."""
    if n < 0:
        return -1
    a = 0
    b = 1
    bit = 1
    while bit <= n:
        bit <<= 1
    bit >>= 1
    while bit > 0:
        c = a * (2 * b - a)
        d = a * a + b * b
        if n & bit:
            a, b = d, c + d
        else:
            a, b = c, d
        bit >>= 1
    return a


def is_fib(x: int) -> bool:
    a, b = 0, 1
    while a < x:
        a, b = b, a + b
    return a == x
