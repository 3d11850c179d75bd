# refused: PTL2002 2:5
f = lambda x: x + 1
