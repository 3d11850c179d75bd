print({x * x for x in range(-3, 4)})
print({x % 5 for x in range(100) if x % 3 == 0})
print(sorted({w.lower() for w in ["A", "a", "B", "b", "c"]}))
pairs = {(x, y) for x in range(3) for y in range(3) if x < y}
print(sorted(pairs))
nums = [4, 8, 15, 16, 23, 42]
print({n for n in nums if n % 2 == 0} == {4, 8, 16, 42})
print(len({c for c in "mississippi"}))
