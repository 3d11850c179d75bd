squares = {n: n * n for n in range(4)}
total = 0
for n in range(6):
    total += squares[n]
    print("so far", total)
