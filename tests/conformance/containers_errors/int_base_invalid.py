print(int("z", 36), int("10", 0))
base = 37
print(int("10", base))
