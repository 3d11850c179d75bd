xs = [10, 20, 30, 40, 50, 60, 70]
print(xs[0], xs[-1], xs[3], xs[-7])
print(xs[1:4], xs[:2], xs[5:], xs[-3:], xs[:-5])
print(xs[::2], xs[::-1], xs[5:1:-2], xs[-1:-8:-3])
print(xs[10:], xs[4:2], xs[-100:2])
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(grid[1], grid[1][2], grid[-1][-1], grid[0][::-1])
print([row[1] for row in grid])
print(len(xs), len(grid), len(xs[:0]), len(grid[0]))
copy = xs[:]
copy[0] = 99
print(xs[0], copy[0])
