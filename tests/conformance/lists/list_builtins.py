xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(len(xs), sum(xs), min(xs), max(xs), sorted(xs))
print(list(reversed(xs)), xs)
print(any(x > 8 for x in xs), all(x > 0 for x in xs), any(xs[:0]), all(xs[:0]))
print(list(range(5)), list("abc"), list((1, 2)), list({3: "a", 1: "b"}))
print(list(map(lambda v: v * 10, xs[:3])), list(filter(lambda v: v % 2 == 0, xs)))
print(list(enumerate(["a", "b"])), list(zip(xs, "abc")))
print(sum([0.1] * 10), sum([1, 2], 10))
print(max(xs, key=lambda v: -v), min(["bb", "a", "ccc"], key=len))
