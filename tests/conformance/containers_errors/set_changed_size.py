s = {1, 2, 3}
for v in sorted(s):
    s.add(v * 10)
print(sorted(s))
for v in s:
    if v > 10:
        s.discard(v)
