dist = {("a", "b"): 5, ("b", "c"): 3, ("a", "c"): 9}
print(dist[("a", "b")], dist.get(("c", "a"), -1))
dist[("c", "a")] = 9
print(len(dist), sorted(dist))
grid: dict[tuple[int, int], str] = {}
for r in range(2):
    for c in range(2):
        grid[r, c] = f"{r}{c}"
print(grid)
print(grid[1, 0], (0, 1) in grid)
seen = {(1, 2), (2, 1)}
print((1, 2) in seen, (1, 3) in seen)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
