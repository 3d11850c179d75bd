# refused: PTL2005 2:8
import os

print(1)
