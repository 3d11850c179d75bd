data = [("north", 1200, 0.153), ("south", 98765, 0.5), ("east", 0, 0.0), ("west", -45, -0.0751)]
width = max(len(r[0]) for r in data)
print(f"{'region':<{width}} | {'sales':>8} | {'share':>7}")
print("-" * (width + 22))
for region, sales, share in data:
    print(f"{region:<{width}} | {sales:>8,} | {share:>7.1%}")
print(f"{'sum':<{width}} | {sum(r[1] for r in data):>8,} |")
