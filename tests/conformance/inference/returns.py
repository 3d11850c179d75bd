def _pair(a: int, b: int):
    return a + b, a * b


def _words(s: str):
    return s.split()


def _lookup(d: dict[str, int], k: str):
    return d.get(k)


def _ratio(a: int, b: int):
    if b == 0:
        return 0.0
    return a / b


s, p = _pair(3, 4)
print(s, p, _pair(-1, 5))
w = _words("infer the return type")
print(w, len(w), w[-1].upper())
r = _lookup({"a": 1}, "a")
print(r, _lookup({}, "z"))
print(_ratio(1, 4), _ratio(1, 0))
