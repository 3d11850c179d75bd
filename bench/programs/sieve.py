"""Benchmark: a sieve of Eratosthenes on a list of bools."""


def sieve_count(limit: int) -> int:
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return sum(1 for f in flags if f)
