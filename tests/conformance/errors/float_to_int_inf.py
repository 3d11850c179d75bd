import math

print(int(-math.inf))
