# refused: PTL2007 2:7
print(eval("1 + 2"))
