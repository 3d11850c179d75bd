# refused: PTL3003 3:1
d = {"a": 1}
d["b"] = "two"
print(d)
