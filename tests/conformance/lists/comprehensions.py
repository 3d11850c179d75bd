print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([x + y for x in [10, 20] for y in [1, 2, 3]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([v for row in matrix for v in row])
print([[row[i] for row in matrix] for i in range(3)])
print([w.upper() for w in "a bb ccc".split() if len(w) > 1])
print([i for i in range(10) if i % 2 if i > 3])
n = 4
print([[1 if i == j else 0 for j in range(n)] for i in range(n)])
x = 100
squares = [x for x in range(3)]
print(x, squares)
print([c for w in ["ab", "cd"] for c in w])
