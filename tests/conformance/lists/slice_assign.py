xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
xs[2:5] = [20, 30]
print(xs)
xs[:0] = [-2, -1]
print(xs)
xs[len(xs):] = [100, 101]
print(xs)
xs[1:3] = []
print(xs)
ys = [0, 1, 2, 3, 4, 5]
ys[::2] = [10, 12, 14]
print(ys)
ys[::-2] = [55, 33, 11]
print(ys)
zs = [1, 2, 3]
zs[1:2] = [7, 8, 9]
print(zs)
zs[-1] = 0
zs[0] += 5
print(zs)
