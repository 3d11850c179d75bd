prices = {"apple": 1.25, "bread": 2.5, "milk": 0.99}
for name, price in prices.items():
    print(f"{name}: {price}")
total = 0.0
for v in prices.values():
    total += v
print(round(total, 2))
for k in prices.keys():
    print(k.upper(), end=" ")
print()
for i, (k, v) in enumerate(prices.items()):
    print(i, k, v)
print(sorted(prices.items(), key=lambda kv: kv[1]))
print(max(prices, key=lambda k: prices[k]), min(prices.values()))
