from typing import Optional


def find(xs: list[str], target: str) -> Optional[int]:
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None


def describe(pos: Optional[int]) -> str:
    if pos is None:
        return "missing"
    return f"at {pos + 1}"


def first_word(s: str) -> str | None:
    parts = s.split()
    return parts[0] if parts else None


names = ["ann", "bob", "cid"]
for n in ["bob", "zed", "ann"]:
    p = find(names, n)
    print(n, p, describe(p))
for s in ["hello world", "   "]:
    w = first_word(s)
    if w is not None:
        print(w.upper(), len(w))
    else:
        print("none", w)
value: Optional[int] = None
print(value is None, value)
value = 5
print(value is not None, value * 2)
lookup = {"a": 1}
got = lookup.get("b")
print(got, got is None, lookup.get("a"))
