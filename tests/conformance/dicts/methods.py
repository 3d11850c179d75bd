d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", 99))
print(d.setdefault("a", 100), d.setdefault("c", 3), d)
print(d.pop("a"), d, d.pop("zz", -1))
d.update({"b": 20, "d": 4})
print(d)
d.update([("e", 5)])
print(d)
print(d.popitem(), d)
c = d.copy()
c["x"] = 0
print(d, c)
c.clear()
print(c, d)
