empty: list[int] = []
print(max([3, 1]), max(empty, default=0))
print(max(empty))
