from typing import Optional


def greet(name: Optional[str] = None) -> str:
    if name is None:
        return "hello, stranger"
    return "hello, " + name


def safe_div(a: int, b: int) -> Optional[float]:
    if b == 0:
        return None
    return a / b


def total(xs: list[int], limit: int | None = None) -> int:
    s = 0
    for x in xs:
        if limit is not None and s + x > limit:
            break
        s += x
    return s


print(greet(), greet("ann"), greet(name="bob"))
for a, b in [(1, 2), (3, 0), (9, 3)]:
    q = safe_div(a, b)
    print(q, "undefined" if q is None else round(q, 3))
print(total([5, 5, 5, 5]), total([5, 5, 5, 5], 12), total([], 0))
