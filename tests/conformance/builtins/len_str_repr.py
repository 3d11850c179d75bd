print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(5)), len(""))
vals = [0.1 + 0.2, 1e16, 1e-07, float("inf"), float("nan"), -0.0, 2.0, 1.0 / 3, 123456789012345.6, 5e-324]
for v in vals:
    print(str(v), repr(v))
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("\\"), str("\\"))
print(repr([1, 2]), repr(["a"]), str(["a"]))
print(str(None), repr(None), str(True), repr(False))
print(repr({"a": [(1, "x"), (2, "y")], "b": [(3, "z")]}), str({"a": [{1}, {2, 3}]}))
print(repr((1,)), repr(()), repr(((),)), repr([[], [1]]))
