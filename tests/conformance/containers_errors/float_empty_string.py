vals = ["1.5", " 2e3 ", "inf"]
print([float(v) for v in vals])
print(float(""))
