names = ["ann", "bob", "cid"]
scores = [90, 85, 77, 60]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, start=10):
    print(i, n)
for n, s in zip(names, scores):
    print(n, s)
print(list(zip(names, scores, "xyz")))
print(list(zip([1], [2, 3])), list(zip(names, "")))
print(dict(zip(names, scores)))
print(list(enumerate("hey", -1)))
