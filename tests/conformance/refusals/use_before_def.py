# refused: PTL3004 2:7
print(late(2))


def late(x: int) -> int:
    return x * 2
