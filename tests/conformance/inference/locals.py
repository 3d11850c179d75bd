def summarize(xs: list[int]) -> str:
    total = 0
    biggest = xs[0]
    names = []
    seen = set()
    counts = {}
    for x in xs:
        total += x
        if x > biggest:
            biggest = x
        names.append(str(x))
        seen.add(x % 3)
        counts[x % 2] = counts.get(x % 2, 0) + 1
    mean = total / len(xs)
    label = ",".join(names)
    return f"{total} {biggest} {mean:.2f} {label} {sorted(seen)} {counts}"


print(summarize([3, 1, 4, 1, 5]))
print(summarize([10]))
