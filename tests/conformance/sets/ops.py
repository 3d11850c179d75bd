a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a >= {4}, a > a)
print(3 in a, 9 in a, 9 not in b)
print(len(a | b), len(a & {99}))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {2}
c ^= {5}
print(c, a)
print(a == {4, 3, 2, 1}, a - a == b - b, {1} != {2})
