x = 0.0
for i in range(1, 40):
    x = x + 1 / i
    print(i, x, x * 1e10, x / 1e10)
