print(max([3, 1]), max([], default=0))
print(max([]))
