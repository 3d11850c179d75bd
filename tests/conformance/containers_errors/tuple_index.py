t = (10, 20, 30)
print(t[1], t[-3])
i = -4
print(t[i])
