# refused: PTL2002 3:7
x = 3
print(f"x = {x}")
