# refused: PTL2002 2:6
xs = [1, 2, 3]
print(xs)
