# refused: PTL2007 4:7
import sys

print(sys.argv[1])
