a = [1, 2, 3]
b = [4, 5]
print(a + b, b + a, a * 2, 2 * b, [0] * 5, a * 0, a[:0] * 3)
print(2 in a, 7 in a, 7 not in b)
print(a == [1, 2, 3], a != b, a == [1, 2])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9, 9], [] < [0])
print([1, 2] <= [1, 2], [3] >= [2, 100])
print([[1, 2], [3]] == [[1, 2], [3]], [[1], [2]] < [[1], [3]])
c = a
c.append(4)
print(a, c is a, a.copy() is a)
a += [5]
print(c)
a = a + [6]
print(a, c)
row = [0] * 3
grid = [row] * 2
grid[0][0] = 1
print(grid)
