EDGES = [
    ("A", "B"), ("A", "C"), ("B", "D"), ("C", "D"), ("D", "E"),
    ("E", "F"), ("C", "G"), ("G", "H"), ("H", "F"), ("X", "Y"),
]


def build(edges: list[tuple[str, str]], directed: bool) -> dict[str, list[str]]:
    g: dict[str, list[str]] = {}
    for a, b in edges:
        g.setdefault(a, []).append(b)
        g.setdefault(b, [])
        if not directed:
            g[b].append(a)
    for node in g:
        g[node].sort()
    return g


def bfs(g: dict[str, list[str]], start: str) -> dict[str, int]:
    dist = {start: 0}
    queue = [start]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        for nxt in g[node]:
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    return dist


def shortest_path(g: dict[str, list[str]], start: str, goal: str) -> list[str]:
    prev: dict[str, str] = {}
    seen = {start}
    frontier = [start]
    while frontier:
        nxt_frontier: list[str] = []
        for node in frontier:
            for nb in g[node]:
                if nb not in seen:
                    seen.add(nb)
                    prev[nb] = node
                    nxt_frontier.append(nb)
        frontier = nxt_frontier
    if goal not in seen:
        return []
    path = [goal]
    while path[-1] != start:
        path.append(prev[path[-1]])
    path.reverse()
    return path


def components(g: dict[str, list[str]]) -> list[list[str]]:
    seen: set[str] = set()
    out: list[list[str]] = []
    for node in sorted(g):
        if node in seen:
            continue
        comp = sorted(bfs(g, node))
        seen.update(comp)
        out.append(comp)
    return out


def has_cycle(g: dict[str, list[str]]) -> bool:
    state: dict[str, int] = {}

    def visit(n: str) -> bool:
        state[n] = 1
        for m in g[n]:
            s = state.get(m, 0)
            if s == 1:
                return True
            if s == 0 and visit(m):
                return True
        state[n] = 2
        return False

    return any(state.get(n, 0) == 0 and visit(n) for n in sorted(g))


undirected = build(EDGES, False)
directed = build(EDGES, True)
for node in sorted(undirected):
    print(node, "->", ", ".join(undirected[node]))
d = bfs(undirected, "A")
print(d)
print(sorted(d.items(), key=lambda kv: (kv[1], kv[0])))
levels: dict[int, list[str]] = {}
for node, k in d.items():
    levels.setdefault(k, []).append(node)
print(levels)
for goal in ["F", "H", "Y", "A"]:
    p = shortest_path(undirected, "A", goal)
    print(goal, " -> ".join(p) if p else "unreachable", len(p) - 1)
print(components(undirected))
print(has_cycle(directed), has_cycle(build([("a", "b"), ("b", "c"), ("c", "a")], True)))
reach = {n: len(bfs(directed, n)) - 1 for n in sorted(directed)}
print(reach)
