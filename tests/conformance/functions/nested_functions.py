def outer(n: int) -> int:
    def square(x: int) -> int:
        return x * x

    def add_one(x: int) -> int:
        return x + 1

    return add_one(square(n))


def process(words: list[str]) -> list[str]:
    def clean(w: str) -> str:
        return w.strip().lower()

    def keep(w: str) -> bool:
        return len(w) > 2

    return [clean(w) for w in words if keep(clean(w))]


print(outer(3), outer(-4))
print(process(["  Hello", "a", "WORLD  ", " ok "]))


def fact(n: int) -> int:
    def go(k: int, acc: int) -> int:
        if k <= 1:
            return acc
        return go(k - 1, acc * k)

    return go(n, 1)


print([fact(i) for i in range(8)])
