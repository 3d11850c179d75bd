xs = [1, 2, 3]
print(xs[2], xs[-3])
i = 0
while True:
    print("reading", i, xs[i])
    i += 1
