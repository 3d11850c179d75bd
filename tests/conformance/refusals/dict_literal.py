# refused: PTL2002 2:5
d = {"a": 1}
