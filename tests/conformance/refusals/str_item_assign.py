# refused: PTL3003 3:1
s = "abc"
s[0] = "x"
print(s)
