words = "alpha beta gamma delta".split()
lengths = [len(w) for w in words]
index = {w: i for i, w in enumerate(words)}
initials = {w[0] for w in words}
pairs = [(w, len(w)) for w in words if len(w) > 4]
print(lengths, sum(lengths))
print(index, index["gamma"])
print(sorted(initials))
print(pairs, pairs[0][1] + 1)
matrix = [[r * c for c in range(3)] for r in range(3)]
print(matrix, matrix[2][2] * 2)
avg = sum(lengths) / len(lengths)
print(avg, [l - avg for l in lengths])
