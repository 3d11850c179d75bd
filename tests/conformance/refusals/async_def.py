# refused: PTL2006 2:11
async def fetch(n: int) -> int:
    return n


print(1)
