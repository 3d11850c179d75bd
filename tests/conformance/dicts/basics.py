ages = {"ann": 31, "bob": 27}
ages["cid"] = 40
ages["ann"] = 32
print(ages, len(ages))
print(ages["bob"], "bob" in ages, "zed" in ages, "zed" not in ages)
del ages["bob"]
print(ages)
ages["bob"] = 1
print(list(ages), list(ages.keys()), list(ages.values()))
empty: dict[str, int] = {}
print(empty, len(empty), bool(empty), bool(ages))
print({1: "one", 2: "two"}, {(1, 2): 3.5}, {"k": [1, 2]}, {"n": None})
nothing: dict[int, int] = dict()
print(nothing, dict([("a", 1), ("b", 2)]), dict(x=1, y=2))
