t = (1, "two", 3.0)
print(t[1])
print(t[-4])
