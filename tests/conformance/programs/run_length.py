def encode(s: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for ch in s:
        if out and out[-1][0] == ch:
            out[-1] = (ch, out[-1][1] + 1)
        else:
            out.append((ch, 1))
    return out


def to_text(runs: list[tuple[str, int]]) -> str:
    return "".join(f"{n}{c}" if n > 1 else c for c, n in runs)


def decode_text(s: str) -> str:
    out = []
    num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * (int(num) if num else 1))
            num = ""
    return "".join(out)


def look_and_say(s: str) -> str:
    return "".join(f"{n}{c}" for c, n in encode(s))


samples = ["aaabccddddde", "", "abc", "zzzzzzzzzzzz", "aabbaa", "ééé😀😀x"]
for s in samples:
    runs = encode(s)
    t = to_text(runs)
    back = decode_text(t)
    print(repr(s), runs, repr(t), back == s)
    ratio = len(t) / len(s) if s else 0.0
    print(f"  ratio {ratio:.2f}")
seq = "1"
terms = [seq]
for _ in range(9):
    seq = look_and_say(seq)
    terms.append(seq)
for t in terms:
    print(t)
print([len(t) for t in terms])
longest = max(encode("abbcccddddcccbba"), key=lambda r: r[1])
print(longest)
