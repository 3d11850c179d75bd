xs = [10, 20, 30]
print(xs.index(20))
print(xs.index(25))
