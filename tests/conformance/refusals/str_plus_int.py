# refused: PTL3003 2:7
print("a" + 1)
