a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -a >> 1)
print(1 << 62, -1 >> 70)
print(True & False, True | False, True ^ True)
