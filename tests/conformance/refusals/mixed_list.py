# refused: PTL3003 2:6
xs = [1, "a"]
print(xs)
