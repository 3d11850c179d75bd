squares = {n: n * n for n in range(6)}
print(squares)
evens = {k: v for k, v in squares.items() if k % 2 == 0}
print(evens)
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_first = {w[0]: w for w in words}
print(by_first)
lengths = {w: len(w) for w in words if len(w) > 5}
print(lengths)
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
grid = {(r, c): r * 3 + c for r in range(2) for c in range(3)}
print(grid, grid[(1, 2)])
