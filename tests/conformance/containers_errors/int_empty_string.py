fields = "7,,9".split(",")
print(fields)
print([int(f) for f in fields])
