print(float("1.5e3"))
print(float("abc"))
