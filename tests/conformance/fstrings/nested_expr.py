rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
print(f"{'item':<8}{'price':>8}{'qty':>5}{'total':>9}")
grand = 0.0
for name, price, qty in rows:
    total = price * qty
    grand += total
    print(f"{name:<8}{price:>8.2f}{qty:>5d}{total:>9.2f}")
print(f"{'':<8}{'':>8}{'':>5}{grand:>9.2f}")
d = {"k": 3}
print(f"{d['k']} {d} {[i * i for i in range(4)]}")
print(f"{'yes' if grand > 10 else 'no'}")
print(f"{max(rows, key=lambda r: r[1])[0]!r:>10}")
