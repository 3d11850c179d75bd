d: dict[int, str] = {}
for i in [5, -1, 100, 0, 7]:
    d[i] = str(i * 2)
print(d)
print(d[-1], d.get(3, "none"))
print(1 in d, 100 in d)
d2 = {True: "t"}
print(d2)
memo: dict[int, int] = {0: 0, 1: 1}


def fib(n: int) -> int:
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]


print(fib(80), len(memo))
print(sorted(memo)[:5], list(memo)[-3:])
