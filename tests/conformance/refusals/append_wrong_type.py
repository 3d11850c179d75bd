# refused: PTL3003 3:11
xs = [1, 2]
xs.append("three")
print(xs)
