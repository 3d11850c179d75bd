a = -0.0
print(a, -a, a * 5, 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0)
print(round(-0.4), round(-0.4, 0), round(-0.5, 0))
print(-1e-320 * 1e-10)
