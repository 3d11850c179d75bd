def noisy(x: int) -> int:
    print("eval", x)
    return x

print(noisy(1) < noisy(2) < noisy(3))
print(noisy(3) < noisy(2) < noisy(1))
print(1 < 2.5 <= 2.5 < 3)
x = 5
print(0 <= x < 10, 0 <= x > 10)
