grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 5
print(grid)
print(grid[2][0])
