s = "abc"
print(s[2], s[-1])
print(s[3])
