def make_counter(start: int = 0):
    count = start

    def step() -> int:
        nonlocal count
        count += 1
        return count

    return step


c1 = make_counter()
c2 = make_counter(10)
print(c1(), c1(), c1())
print(c2(), c1(), c2())


def accumulate(xs: list[int]) -> list[int]:
    total = 0
    out: list[int] = []

    def add(v: int) -> None:
        nonlocal total
        total += v
        out.append(total)

    for x in xs:
        add(x)
    return out


print(accumulate([1, 2, 3, 4]))
