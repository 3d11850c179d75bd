# refused: PTL3001 2:11
def scale(x, factor: float) -> float:
    return x * factor


print(scale(2.0, 1.5))
