# refused: PTL3008 9:1
counter = 0


def bump() -> int:
    return counter + 1


counter = bump()
print(counter)
