a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
xs = [10, 20, 30, 40]
xs[0], xs[-1] = xs[-1], xs[0]
print(xs)
i, j = 1, 2
xs[i], xs[j] = xs[j], xs[i]
print(xs)
fa, fb = 0, 1
seq = []
for _ in range(10):
    seq.append(fa)
    fa, fb = fb, fa + fb
print(seq)
pairs = [(1, "one"), (2, "two")]
swapped = [(s, n) for n, s in pairs]
print(swapped)
