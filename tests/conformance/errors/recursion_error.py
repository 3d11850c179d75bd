def r(n: int) -> int:
    return r(n + 1) + 1


print("start")
print(r(0))
