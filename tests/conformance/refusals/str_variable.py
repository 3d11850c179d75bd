# refused: PTL2002 2:8
name = "world"
print(name)
