"""Prime numbers by trial division."""

LIMIT = 10_000


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_primes(limit: int) -> int:
    count = 0
    for n in range(2, limit):
        if is_prime(n):
            count += 1
    return count


def nth_prime(k: int) -> int:
    found = 0
    candidate = 1
    while found < k:
        candidate += 1
        for d in range(2, candidate):
            if d * d > candidate:
                found += 1
                break
            if candidate % d == 0:
                break
        else:
            found += 1
    return candidate


def largest_prime_factor(n: int) -> int:
    factor = 2
    last = 1
    while n > 1:
        if n % factor == 0:
            last = factor
            n //= factor
        else:
            factor += 1 if factor == 2 else 2
    return last
