d: dict[str, int] = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d)
d["alpha"] = 0
print(list(d))
del d["zeta"]
d["zeta"] = 9
print(list(d.items()))
n = {3: "c", 1: "a", 2: "b"}
print(n, sorted(n), list(n.values()))
for key in n:
    print(key, n[key])
merged = {"a": 1, "b": 2}
merged.update({"b": 3, "c": 4})
print(merged)
print(list(reversed(n)))
