def parse(rows: list[str]) -> set[tuple[int, int]]:
    cells: set[tuple[int, int]] = set()
    for r, line in enumerate(rows):
        for c, ch in enumerate(line):
            if ch == "#":
                cells.add((r, c))
    return cells


def neighbours(cell: tuple[int, int]) -> list[tuple[int, int]]:
    r, c = cell
    return [(r + dr, c + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc]


def step(cells: set[tuple[int, int]]) -> set[tuple[int, int]]:
    counts: dict[tuple[int, int], int] = {}
    for cell in cells:
        for n in neighbours(cell):
            counts[n] = counts.get(n, 0) + 1
    return {c for c, k in counts.items() if k == 3 or (k == 2 and c in cells)}


def render(cells: set[tuple[int, int]], h: int, w: int) -> list[str]:
    return ["".join("#" if (r, c) in cells else "." for c in range(w)) for r in range(h)]


def bounds(cells: set[tuple[int, int]]) -> tuple[int, int, int, int]:
    rs = [r for r, _ in cells]
    cs = [c for _, c in cells]
    return min(rs), min(cs), max(rs), max(cs)


glider = parse([".#....", "..#...", "###...", "......", "......", "......"])
g = glider
for gen in range(5):
    print(f"generation {gen}: {len(g)} cells, bounds {bounds(g)}")
    for line in render(g, 6, 6):
        print("  " + line)
    g = step(g)
blinker = parse(["...", "###", "..."])
b1 = step(blinker)
print(sorted(b1), step(b1) == blinker)
block = parse(["##", "##"])
print(step(block) == block, len(step(set())))
r_pentomino = parse([".##", "##.", ".#."])
pop = []
cur = r_pentomino
for _ in range(30):
    pop.append(len(cur))
    cur = step(cur)
print(pop)
print(bounds(cur), len(cur))


def step_torus(cells: set[tuple[int, int]], h: int, w: int) -> set[tuple[int, int]]:
    counts: dict[tuple[int, int], int] = {}
    for r, c in cells:
        for nr, nc in neighbours((r, c)):
            key = (nr % h, nc % w)
            counts[key] = counts.get(key, 0) + 1
    return {c for c, k in counts.items() if k == 3 or (k == 2 and c in cells)}


t = glider
for _ in range(24):
    t = step_torus(t, 6, 6)
print(t == glider, sorted(t))
for line in render(t, 6, 6):
    print("  " + line)
