xs = [1, 2, 2, 3, 4, 4, 5]
for x in xs:
    if x % 2 == 0:
        xs.remove(x)
print(xs)
ys = [1, 2, 3]
seen = []
for y in ys:
    seen.append(y)
    if y < 3:
        ys.append(y + 10)
print(seen, ys)
zs = [5, 6, 7, 8]
for i, z in enumerate(zs):
    if i == 1:
        zs.pop(0)
    print(i, z)
print(zs)
keep = [w for w in ["a", "bb", "ccc"] if len(w) != 2]
print(keep)
