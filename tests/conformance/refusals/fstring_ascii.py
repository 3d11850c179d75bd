# refused: PTL2007 3:7
name = "naïve"
print(f"{name!a}")
