# refused: PTL2004 3:5
def gen() -> int:
    yield 1
