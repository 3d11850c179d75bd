# refused: PTL3003 2:5
d = {[1]: 2}
print(d)
