def total(*nums: int) -> int:
    s = 0
    for n in nums:
        s += n
    return s


def show(label: str, *values: float) -> None:
    print(label, len(values), values)


def join_all(sep: str, *parts: str) -> str:
    return sep.join(parts)


print(total(), total(1), total(1, 2, 3, 4))
show("none")
show("two", 1.5, 2.5)
print(join_all("-", "a", "b", "c"), repr(join_all(",")))
xs = [5, 6, 7]
print(total(*xs), total(1, *xs, 100))
