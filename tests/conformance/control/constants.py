import math

RATE = 0.07
YEARS = 10
TAU = 2 * math.pi


def grow(amount: float) -> float:
    for _ in range(YEARS):
        amount = amount * (1 + RATE)
    return amount


print(grow(1000.0))
print(TAU, RATE * YEARS)
