d = {"a": 1, "b": 2, "c": 3}
keys = d.keys()
values = d.values()
items = d.items()
print(keys, values, items)
d["d"] = 4
print(len(keys), list(values), ("d", 4) in items, "a" in keys, 3 in values)
print(sorted(d.keys(), reverse=True), sum(d.values()))
print(list(zip(d.keys(), d.values())))
print(dict(zip(["x", "y"], [10, 20])))
print(list(d.items())[0], list(d.items())[-1])
