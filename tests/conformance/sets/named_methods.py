a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.issubset(a | b), a.isdisjoint({7, 8}), a.issuperset({1}), a.isdisjoint(b))
print(a.union([9, 8]), a.intersection(range(3)), a.difference((1,)))
c = a.copy()
c.update({10, 11})
c.intersection_update({1, 10, 11, 12})
print(c, a)
c.difference_update({10})
print(c)
c.symmetric_difference_update({1, 2})
print(c)
