points = {(0, 0), (1, 2), (0, 0), (2, 1)}
print(len(points), sorted(points))
print((1, 2) in points, (2, 2) in points)
visited: set[tuple[int, int]] = set()
x, y = 0, 0
for move in "RRULLD":
    if move == "R":
        x += 1
    elif move == "L":
        x -= 1
    elif move == "U":
        y += 1
    else:
        y -= 1
    visited.add((x, y))
print(len(visited), sorted(visited))
print(sorted({(1, "b"), (1, "a"), (0, "z")}))
