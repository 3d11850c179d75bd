xs = []
xs.append(1)
xs.append(2)
print(xs, sum(xs))
d = {}
d["a"] = [1.5]
d["a"].append(2.5)
print(d)
s = set()
s.add("x")
print(s, "x" in s)
pairs = []
for i in range(3):
    pairs.append((i, str(i)))
print(pairs)
grid = [[] for _ in range(2)]
grid[0].append(7)
print(grid)
