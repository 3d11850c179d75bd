def ratio(a: int, b: int) -> float:
    return a / b


print(ratio(1, 4))
print(ratio(1, 0))
