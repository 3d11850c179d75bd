import sys


def normalize(word: str) -> str:
    out = []
    for ch in word.lower():
        if ch.isalpha() or ch == "'":
            out.append(ch)
    return "".join(out).strip("'")


def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for raw in text.split():
        w = normalize(raw)
        if not w:
            continue
        counts[w] = counts.get(w, 0) + 1
    return counts


def top_n(counts: dict[str, int], n: int) -> list[tuple[str, int]]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:n]


def histogram(pairs: list[tuple[str, int]], width: int) -> list[str]:
    if not pairs:
        return []
    biggest = pairs[0][1]
    label_w = max(len(w) for w, _ in pairs)
    lines = []
    for word, c in pairs:
        bar = "#" * max(1, c * width // biggest)
        lines.append(f"{word:<{label_w}} {c:>3} {bar}")
    return lines


def by_length(counts: dict[str, int]) -> dict[int, int]:
    lengths: dict[int, int] = {}
    for w, c in counts.items():
        lengths[len(w)] = lengths.get(len(w), 0) + c
    return lengths


text = sys.stdin.read()
counts = count_words(text)
total = sum(counts.values())
print("words:", total)
print("distinct:", len(counts))
print()
for line in histogram(top_n(counts, 8), 30):
    print(line)
print()
lengths = by_length(counts)
for n in sorted(lengths):
    share = lengths[n] / total
    print(f"{n:2d} letters: {lengths[n]:3d} ({share:6.1%})")
once = sorted(w for w, c in counts.items() if c == 1)
print()
print("hapax legomena:", len(once))
print(", ".join(once[:10]))
longest = max(counts, key=lambda w: (len(w), w))
print("longest word:", longest, len(longest))
