"""Small number-theory helpers."""


def digit_sum(n: int) -> int:
    n = abs(n)
    total = 0
    while n > 0:
        total += n % 10
        n //= 10
    return total


def reverse_number(n: int) -> int:
    r = 0
    while n:
        n, d = divmod(n, 10)
        r = r * 10 + d
    return r


def is_palindrome(n: int) -> bool:
    return n >= 0 and reverse_number(n) == n


def power_mod(base: int, exp: int, mod: int) -> int:
    """Square-and-multiply; pow(base, exp, mod) for exp >= 0."""
    result = 1
    base %= mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        exp >>= 1
        base = base * base % mod
    return result


def popcount(n: int) -> int:
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count


def perfect(n: int) -> bool:
    s = 1
    i = 2
    while i * i <= n:
        if n % i == 0:
            s += i
            if i != n // i:
                s += n // i
        i += 1
    return s == n and n != 1


def triangle(n: int) -> int:
    return n * (n + 1) // 2 if n >= 0 else 0
