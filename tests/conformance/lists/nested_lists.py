board = [["." for _ in range(4)] for _ in range(3)]
board[1][2] = "X"
board[0][0] = "O"
for row in board:
    print("".join(row))
print(board)
tri: list[list[int]] = [[1]]
for i in range(5):
    prev = tri[-1]
    tri.append([1] + [prev[j] + prev[j + 1] for j in range(len(prev) - 1)] + [1])
for r in tri:
    print(r)
flat = [v for r in tri for v in r]
print(len(flat), sum(flat), max(flat))
deep = [[[1, 2], [3]], [[4], []]]
print(deep, deep[0][0][1], len(deep[1][1]))
