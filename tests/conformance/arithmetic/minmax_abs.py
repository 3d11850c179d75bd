print(min(3, 1, 2), max(3, 1, 2), min(2.5, -1.5), max(-0.0, 0.0), max(0.0, -0.0))
print(abs(-9223372036854775807), abs(-0.0), abs(3.5))
print(min(True, False), max(1.5, 2.5, 0.5))
