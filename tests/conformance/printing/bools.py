a = 3
b = 4
print(a < b, a == b, a != b)
print(not a, not 0)
print(True + True, True * 2.5, -True, ~False)
print(bool(0.0), bool(-0.0), bool(0.1), bool(-3))
print(a < b < 5, 1 < 2 > 3)
