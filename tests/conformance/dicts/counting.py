text = "the quick brown fox jumps over the lazy dog the end"
counts: dict[str, int] = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
letters: dict[str, int] = {}
for ch in text.replace(" ", ""):
    if ch in letters:
        letters[ch] += 1
    else:
        letters[ch] = 1
top = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
groups: dict[int, list[str]] = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
for k in sorted(groups):
    print(k, groups[k])
