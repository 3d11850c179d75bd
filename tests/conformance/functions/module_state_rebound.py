counter = 0


def bump() -> int:
    return counter + 1


counter = bump()
print(counter)
