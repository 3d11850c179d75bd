s = "hello"
print(f"{s:s} {s:10s}| {s:>10s} {s:.3} {s:.3s} {s:>8.2}|")
print(f"{s!r:>10} {s!s:<8}|")
print(f"{'é':>3}|{'日本':^6}|")
u = "naïve"
print(f"{u!r} {u:^9}")
print(f"{repr(s)} {str(42):>4}")
