from math import sqrt, pi, floor

r = 2.0
print(pi * r * r, sqrt(r), floor(pi * 100))
