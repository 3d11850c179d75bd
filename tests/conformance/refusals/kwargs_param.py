# refused: PTL2006 2:13
def total(**kw: int) -> int:
    return sum(kw.values())


print(total(a=1))
