f = frozenset([3, 1, 2, 3])
g = frozenset({2, 3, 4})
nothing: frozenset[int] = frozenset()
print(f, g, nothing)
print(f | g, f & g, f - g, f ^ g)
print(f <= g, frozenset([1]) <= f, 2 in f, len(f))
print(f == {1, 2, 3}, f == frozenset([1, 2, 3]))
groups = {frozenset([1, 2]): "a", frozenset([3]): "b"}
print(groups[frozenset([2, 1])], frozenset([3]) in groups)
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
print(sorted(f), sum(f), max(g))
