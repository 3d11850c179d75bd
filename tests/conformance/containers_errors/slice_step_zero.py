xs = [1, 2, 3, 4]
print(xs[::2], xs[::-1])
step = 0
print(xs[::step])
