def dedupe(xs: list[int]) -> list[int]:
    seen: set[int] = set()
    out: list[int] = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


data = [3, 1, 3, 2, 1, 5, 2, 3]
print(dedupe(data), sorted(set(data)), len(set(data)))
a = set(data)
b = set(range(3, 8))
print(a - b, b - a, a & b, a | b)
print(any(x > 4 for x in a), all(x > 0 for x in a), min(a), max(a), sum(a))
nothing: set[int] = set()
print(nothing, bool(nothing), bool({0}), repr(nothing))
