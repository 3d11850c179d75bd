person = ("Ada", 36, 1.68, True)
name, age, height, active = person
print(person)
print(name, age + 1, height * 2, not active)
print(person[0], person[-1], person[1:3])
rows: list[tuple[str, int]] = [("b", 2), ("a", 1)]
rows.append(("c", 3))
print(rows, sorted(rows))


def stats(xs: list[int]) -> tuple[int, int, float]:
    return min(xs), max(xs), sum(xs) / len(xs)


lo, hi, mean = stats([4, 8, 15, 16, 23, 42])
print(lo, hi, mean)
print(stats([1]))
nested = ((1, 2), ("x", (3.5, None)))
print(nested, nested[1][1][0])
print(str(("it's",)), repr((1.0, "a\n")))
