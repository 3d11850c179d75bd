pairs = list(zip(range(3), "abc"))
nums, letters = zip(*pairs)
print(nums, letters)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)))
print([list(col) for col in zip(*matrix)])
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
print(max(*[4, 9, 2]), min(*[9, 3]))
