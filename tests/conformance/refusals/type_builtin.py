# refused: PTL2007 3:7
x = 5
print(type(x))
