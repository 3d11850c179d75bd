def collatz_steps(n: int) -> int:
    """Number of steps for n to reach 1."""
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def longest_below(limit: int) -> int:
    best, best_n = 0, 1
    for n in range(1, limit):
        s = collatz_steps(n)
        if s > best:
            best, best_n = s, n
    return best_n


def peak(n: int) -> int:
    top = n
    while n > 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        top = max(top, n)
    return top
