WORDS = """listen silent enlist inlets google banana tinsel
stone tones notes onset seton angle glean angel
rat tar art star tsar rats arts evil vile live veil
apple papel ppale dusty study night thing""".split()


def signature(w: str) -> str:
    return "".join(sorted(w))


def letter_counts(w: str) -> dict[str, int]:
    d: dict[str, int] = {}
    for ch in w:
        d[ch] = d.get(ch, 0) + 1
    return d


def can_build(word: str, pool: str) -> bool:
    need = letter_counts(word)
    have = letter_counts(pool)
    return all(have.get(ch, 0) >= n for ch, n in need.items())


groups: dict[str, list[str]] = {}
for w in WORDS:
    groups.setdefault(signature(w), []).append(w)
multi = [sorted(g) for g in groups.values() if len(g) > 1]
multi.sort(key=lambda g: (-len(g), g[0]))
for g in multi:
    print(len(g), " ".join(g))
singles = sorted(g[0] for g in groups.values() if len(g) == 1)
print("singles:", singles)
print("largest:", max(groups.values(), key=len))
print(len(WORDS), len(groups), sum(len(g) for g in multi))
pool = "stonelisten"
buildable = sorted({w for w in WORDS if can_build(w, pool)})
print("from", repr(pool) + ":", buildable)
freq: dict[str, int] = {}
for w in WORDS:
    for ch in set(w):
        freq[ch] = freq.get(ch, 0) + 1
common = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(common)
print(letter_counts("mississippi"))
print(signature("Python"), signature(""), can_build("", "abc"), can_build("aa", "a"))
pairs = [(a, b) for i, a in enumerate(WORDS) for b in WORDS[i + 1:] if signature(a) == signature(b) and a[0] == b[0]]
print(pairs)
