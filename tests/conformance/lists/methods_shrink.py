xs = [5, 3, 8, 3, 1, 9]
print(xs.pop(), xs)
print(xs.pop(0), xs)
print(xs.pop(-2), xs)
xs.remove(3)
print(xs)
print(xs.index(8), [1, 2, 3, 2].index(2), [1, 2, 3, 2].index(2, 2))
print([1, 1, 2, 1].count(1), [1, 2].count(7))
ys = [1, 2, 3]
zs = ys.copy()
zs.append(4)
print(ys, zs)
ys.clear()
print(ys, zs)
rs = [1, 2, 3, 4]
rs.reverse()
print(rs)
