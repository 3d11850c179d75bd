# refused: PTL2002 4:10
import sys

sys.exit("failed")
