d = {i: i * i for i in range(5)}
while d:
    k, v = d.popitem()
    print(k, v, len(d))
e = {"first": 1}
e.pop("first")
e["second"] = 2
e["first"] = 1
print(e)
f = {"a": 0, "b": 0}
f.update(b=1, c=2)
print(f)
print(f.pop("c"), f)
