xs = [0] * 5
for j in range(5):
    xs[j] = j * j
for k in range(3):
    del xs[k]
d = {}
for k in range(3):
    d[k] = 1
    d[k] += k
print(xs, d)
