def collatz_total(limit: int) -> int:
    """Total Collatz steps for every start below `limit` (an integer-loop benchmark)."""
    total = 0
    for start in range(1, limit):
        n = start
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            total += 1
    return total
