point = (3, 4)
x, y = point
print(x, y)
a, b, c = "xyz"
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
x, y = y, x
print(x, y)
for i, (name, score) in enumerate([("ann", 9), ("bob", 7)]):
    print(i, name, score)
k, v = ["key", "value"]
print(k, v)
t = 1, 2, 3
print(t, len(t), t[0] + t[2])
single = (5,)
print(single, (), len(()))
