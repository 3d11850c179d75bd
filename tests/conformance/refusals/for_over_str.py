# refused: PTL2008 2:10
for c in "abc":
    print(c)
