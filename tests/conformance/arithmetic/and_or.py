print(0 or 5, 3 or 5, 0 and 5, 3 and 5)
print(0.0 or 2.5, 1.5 and 0.0)
print(True and False, False or True)
x = 4
print(x if x > 3 else -x, x if x > 10 else -x)
