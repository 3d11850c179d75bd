# refused: PTL2002 4:7
import sys

print(sys.argv[1])
