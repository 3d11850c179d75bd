# refused: PTL2001 2:1
try:
    print(1 / 0)
except ZeroDivisionError:
    print("caught")
