e: list[int] = []
ee: list[list[int]] = [[]]
print([1, 2, 3], e, ee, [ee, [[]]])
print(["a", "b's", 'q"'], [1.5, -0.0, 1e16, 0.1 + 0.2])
print([True, False], [None, None])
print(str([[[1]], [[2], [3, 4]]]), repr(["x"]))
print([(1, "a"), (2, "b")], [{"k": [1]}, {}])
print([{1, 2}, set()], [(1,), (2,)], [(), ()])
print(str(["tab\t", "é", "\n"]))
empty: list[str] = []
print(empty, str(empty), len(str([1, 2])))
