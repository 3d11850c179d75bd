xs = [10, 5, 0]
for d in xs:
    print(100 % d)
