print({5, 3, 1, 4, 2})
print({10, 0, 100, 7, 33, 64, 1000})
print({-1, -2, 3, 0})
print(set([9, 8, 7, 9, 8]), set(range(10, 0, -1)))
print(list({31, 1, 17, 65, 33}))
s = {64, 32, 16, 8, 4, 2, 1}
for v in s:
    print(v, end=" ")
print()
print(sorted({3, 1, 2}), {x % 7 for x in range(20, 40)})
big = set(range(0, 200, 37))
print(big)
h = {8, 16, 24, 40}
h.add(9)
h.add(17)
print(h)
