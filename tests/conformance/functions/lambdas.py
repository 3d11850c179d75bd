square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
people = [("ann", 31), ("bob", 25), ("cid", 35)]
print(sorted(people, key=lambda p: p[1]))
print(max(people, key=lambda p: p[1])[0])
print(list(map(lambda p: p[0].title(), people)))
print(list(filter(lambda p: p[1] > 30, people)))
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
late = [lambda x: x + n for n in range(3)]
print([g(10) for g in late])
print((lambda: "no args")())
