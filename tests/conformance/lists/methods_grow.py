xs: list[int] = []
xs.append(1)
xs.append(2)
xs.extend([3, 4])
xs.extend(range(5, 7))
xs.insert(0, 0)
xs.insert(100, 99)
xs.insert(-1, 98)
xs.insert(-100, -1)
print(xs)
words = ["b"]
words += ["c", "d"]
words.extend("ef")
print(words)
nested: list[list[int]] = []
for i in range(3):
    nested.append([i] * i)
print(nested)
