xs = [3, 1, 4]
xs.remove(1)
print(xs)
xs.remove(9)
