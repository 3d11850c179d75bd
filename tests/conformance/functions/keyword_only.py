def fmt(value: float, *, digits: int = 2, unit: str = "") -> str:
    return f"{value:.{digits}f}{unit}"


def clamp(x: int, *, lo: int, hi: int) -> int:
    return max(lo, min(hi, x))


def tag(name: str, *children: str, sep: str = "") -> str:
    return f"<{name}>" + sep.join(children) + f"</{name}>"


print(fmt(3.14159), fmt(3.14159, digits=4), fmt(2.0, unit="kg"), fmt(1.0, unit="m", digits=0))
print(clamp(5, lo=0, hi=3), clamp(-5, hi=3, lo=0), clamp(2, lo=0, hi=3))
print(tag("p"), tag("ul", "<li>a</li>", "<li>b</li>"), tag("x", "1", "2", sep=","))
