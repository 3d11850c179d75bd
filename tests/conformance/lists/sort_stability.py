records = [("amy", 3), ("bob", 1), ("cat", 3), ("dan", 2), ("eve", 1), ("fay", 2), ("gus", 3)]
by_score = sorted(records, key=lambda r: r[1])
print([r[0] for r in by_score])
by_score_desc = sorted(records, key=lambda r: r[1], reverse=True)
print([r[0] for r in by_score_desc])
names = ["bb", "a", "ccc", "dd", "e", "fff", "gg"]
print(sorted(names, key=len))
print(sorted(names, key=len, reverse=True))
two_pass = sorted(records, key=lambda r: r[0], reverse=True)
two_pass.sort(key=lambda r: r[1])
print(two_pass)
print(sorted(records, key=lambda r: (-r[1], r[0])))
