vals = [0.1 + 0.2, 1e16, 1e-07, 2.0, -0.0, 1 / 3, 100.0, 1.5e300]
for v in vals:
    print(f"{v} {v!r} {v:.3f} {v:g}")
print(f"{float('inf')} {float('-inf')} {float('nan')}")
print(f"{10 / 4} {10 // 4} {-7 // 2} {7 % -3}")
print(f"{True} {False:d} {True + 1}")
