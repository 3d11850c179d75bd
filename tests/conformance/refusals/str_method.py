# refused: PTL2007 2:7
print("a,b".split(","))
