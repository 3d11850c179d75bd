# refused: PTL2007 2:9
lines = open("data.txt").read()
print(lines)
