xs = [0, 3, 5, 8]
none: list[int] = []
print(any(xs), all(xs), any(none), all(none), any(x > 7 for x in xs), all(x >= 0 for x in xs))
print(any(["", ""]), any(["", "a"]), all([[1], []]))
doubled = list(map(lambda v: v * 2, xs))
print(doubled)
print(list(map(str, xs)), list(map(int, ["1", "22", "-3"])))
print(list(filter(lambda v: v % 2 == 1, xs)), list(filter(None, xs)))
print(list(filter(str.isdigit, ["1", "a", "23", ""])))
print(sum(map(len, ["ab", "cde"])), max(map(abs, [-9, 4])))


def is_even(n: int) -> bool:
    return n % 2 == 0


print(list(filter(is_even, range(10))), list(map(is_even, [1, 2])))
