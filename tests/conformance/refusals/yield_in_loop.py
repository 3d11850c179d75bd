# refused: PTL2004 4:9
def evens(n: int) -> list[int]:
    for i in range(n):
        yield i * 2


print(evens(3))
