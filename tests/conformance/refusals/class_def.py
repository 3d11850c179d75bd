# refused: PTL2003 4:1
print("hi")

class Point:
    pass
