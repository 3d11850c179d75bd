def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def flatten(xs: list[list[int]]) -> list[int]:
    if not xs:
        return []
    return xs[0] + flatten(xs[1:])


def permutations(s: str) -> list[str]:
    if len(s) <= 1:
        return [s]
    out = []
    for i, c in enumerate(s):
        for p in permutations(s[:i] + s[i + 1:]):
            out.append(c + p)
    return out


def hanoi(n: int, a: str, b: str, c: str, moves: list[str]) -> None:
    if n == 0:
        return
    hanoi(n - 1, a, c, b, moves)
    moves.append(a + c)
    hanoi(n - 1, b, a, c, moves)


def is_even(n: int) -> bool:
    return True if n == 0 else is_odd(n - 1)


def is_odd(n: int) -> bool:
    return False if n == 0 else is_even(n - 1)


print([fib(i) for i in range(15)])
print(flatten([[1, 2], [], [3], [4, 5]]))
print(permutations("abc"), len(permutations("abcd")))
mv: list[str] = []
hanoi(3, "A", "B", "C", mv)
print(len(mv), " ".join(mv))
print(is_even(10), is_odd(7), is_even(3))
