xs = list(range(10))
del xs[0]
print(xs)
del xs[-1]
print(xs)
del xs[2:4]
print(xs)
del xs[::2]
print(xs)
ys = [1, 2, 3, 4, 5, 6]
del ys[::-3]
print(ys)
del ys[:]
print(ys, len(ys))
zs = [[1, 2], [3, 4]]
del zs[0][1]
print(zs)
