# refused: PTL3006 3:1
x = 1
x = "one"
print(x)
