import math

print(math.sqrt(2), math.sqrt(16.0), math.exp(1), math.log(10), math.log(8, 2))
print(math.log2(1024), math.log10(0.001), math.sin(1), math.cos(1), math.tan(1))
print(math.atan2(1, -1), math.hypot(3, 4), math.fabs(-2.5), math.pow(2, 0.5))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(7))
print(math.isclose(0.1 + 0.2, 0.3), math.pi, math.e, math.tau)
