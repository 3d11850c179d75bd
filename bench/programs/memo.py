"""Benchmark: a dict-based memo (ways to climb n stairs with steps of 1, 2 or 3, mod 1e9+7), many times."""


def memo_paths(rounds: int) -> int:
    total = 0
    for r in range(rounds):
        memo: dict[int, int] = {0: 1, 1: 1, 2: 2}
        for n in range(3, 300):
            memo[n] = (memo[n - 1] + memo[n - 2] + memo[n - 3]) % 1000000007
        total = (total + memo[299] + r) % 1000000007
    return total
