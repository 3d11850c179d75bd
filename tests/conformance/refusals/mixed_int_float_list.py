# refused: PTL3003 2:6
xs = [1, 2.5]
print(xs)
