a, b = [1, 2]
print(a, b)
xs = [1, 2, 3]
c, d = xs
