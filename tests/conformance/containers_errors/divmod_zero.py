pairs = [(17, 5), (-17, 5), (17, -5)]
for a, b in pairs:
    print(divmod(a, b))
print(divmod(3, 0))
