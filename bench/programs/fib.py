def fib(n: int) -> int:
    """The n-th Fibonacci number, by naive recursion (a call-heavy benchmark)."""
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
