p, q, r = "abc"
print(p, q, r)
x, y, z = [1, 2]
