xs = [4, -2, 7, 0]
none: list[int] = []
print(sum(xs), sum(xs, 10), sum(none), sum([1.5, 2.25]), sum(range(5), -10))
print(min(xs), max(xs), min(3, 9, -1), max(2.5, 2.0), min("b", "a"))
print(max(xs, key=abs), min(xs, key=lambda v: (v - 3) ** 2))
print(max(none, default=-1), min(none, default=None), max([5], default=0))
print(max("apple", "fig", "banana", key=len), min(["aa", "b", "cc"], key=len))
print(max([(1, "b"), (1, "a")]), min([[3], [2, 9]]))
print(sum([0.1] * 3), sum([True, True, False]))
print(min(0.0, -0.0), min(-0.0, 0.0), max(-0.0, 0.0), max(0.0, -0.0))
