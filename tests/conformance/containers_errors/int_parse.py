values = ["12", " 7 ", "-3", "x"]
total = 0
for v in values:
    total += int(v)
    print("total", total)
