VALUES = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]
SYMBOLS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return "?"
    out = []
    for value, sym in VALUES:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


def from_roman(s: str) -> int:
    total = 0
    prev = 0
    for ch in reversed(s.upper()):
        v = SYMBOLS.get(ch, 0)
        if v == 0:
            return -1
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
    return total


def is_canonical(s: str) -> bool:
    n = from_roman(s)
    return n > 0 and to_roman(n) == s.upper()


for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 0, 4000]:
    r = to_roman(n)
    print(f"{n:>5} {r:<12} {str(from_roman(r)) if r != '?' else '-'}")
for s in ["xiv", "MCMXCIV", "IIII", "IC", "MMXXIV", "ABC", "mmmcmxcix"]:
    print(f"{s:<10} {from_roman(s):>5} {is_canonical(s)}")
ok = all(from_roman(to_roman(n)) == n for n in range(1, 4000))
print("round trip 1..3999:", ok)
lengths = [len(to_roman(n)) for n in range(1, 4000)]
longest = max(range(1, 4000), key=lambda n: len(to_roman(n)))
print("longest:", longest, to_roman(longest), max(lengths))
hist: dict[int, int] = {}
for L in lengths:
    hist[L] = hist.get(L, 0) + 1
print(sorted(hist.items()))
letters: dict[str, int] = {}
for n in range(1, 101):
    for ch in to_roman(n):
        letters[ch] = letters.get(ch, 0) + 1
print(letters)
print(" ".join(to_roman(y) for y in range(2000, 2011)))
print(sum(from_roman(x) for x in "I II III IV V".split()))


def add_roman(a: str, b: str) -> str:
    return to_roman(from_roman(a) + from_roman(b))


def clock_face() -> list[str]:
    return [to_roman(h) for h in range(1, 13)]


print(add_roman("XLII", "LVIII"), add_roman("MMM", "M"), add_roman("i", "ii"))
face = clock_face()
print(face, max(face, key=len), sum(len(f) for f in face))
