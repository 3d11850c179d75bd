# refused: PTL2001 5:1
import sys

print("start")
with open("f") as fh:
    print(fh.read())
