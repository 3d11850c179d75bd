def sieve(limit: int) -> list[int]:
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    if limit >= 1:
        is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            is_prime[p * p :: p] = [False] * len(range(p * p, limit + 1, p))
        p += 1
    return [i for i, flag in enumerate(is_prime) if flag]


def factorize(n: int, primes: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in primes:
        if p * p > n:
            break
        k = 0
        while n % p == 0:
            n //= p
            k += 1
        if k:
            out.append((p, k))
    if n > 1:
        out.append((n, 1))
    return out


def show(factors: list[tuple[int, int]]) -> str:
    parts = []
    for p, k in factors:
        parts.append(str(p) if k == 1 else f"{p}^{k}")
    return " * ".join(parts)


primes = sieve(1000)
print(len(primes), primes[:10], primes[-3:])
print(sum(primes), max(primes))
gaps: dict[int, int] = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items()))
twins = [(a, b) for a, b in zip(primes, primes[1:]) if b - a == 2]
print(len(twins), twins[-3:])
for n in [360, 97, 1001, 65536, 999983 * 2, 600851475143]:
    print(n, "=", show(factorize(n, sieve(10000))))
goldbach = {}
for even in range(4, 41, 2):
    for p in primes:
        if even - p in set(primes):
            goldbach[even] = (p, even - p)
            break
print(goldbach)
print(sieve(1), sieve(2), sieve(10))


def prime_pi_table(primes: list[int], marks: list[int]) -> dict[int, int]:
    table: dict[int, int] = {}
    i = 0
    for m in marks:
        while i < len(primes) and primes[i] <= m:
            i += 1
        table[m] = i
    return table


def digit_sums(primes: list[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for p in primes:
        s = sum(int(d) for d in str(p))
        out.setdefault(s, []).append(p)
    return out


print(prime_pi_table(primes, [10, 100, 500, 1000]))
ds = digit_sums(primes[:40])
print({k: v for k, v in sorted(ds.items()) if len(v) > 3})
print(all(p % 2 == 1 for p in primes[1:]), any(p % 10 == 5 for p in primes[3:]))
