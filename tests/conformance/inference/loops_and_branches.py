def classify(n: int) -> str:
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    else:
        kind = "positive"
    return kind


best = None
for word in ["pear", "banana", "fig"]:
    if best is None or len(word) > len(best):
        best = word
print(best)
print([classify(v) for v in (-3, 0, 8)])
acc = 1.0
for k in range(1, 6):
    acc *= k / 2
print(acc)
text = ""
n = 0
while len(text) < 10:
    text += str(n)
    n += 1
print(text, n)
