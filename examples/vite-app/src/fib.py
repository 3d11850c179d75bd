"""Fibonacci numbers, the slow way (recursive) and the fast way (a loop)."""


def fib(n: int) -> int:
    """The n-th Fibonacci number, by the textbook recursion."""
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_iter(n: int) -> int:
    """The same number in n steps."""
    a = 0
    b = 1
    for _ in range(n):
        a, b = b, a + b
    return a
