def box(width: int, height: int, fill: str = "#", border: bool = False) -> str:
    rows = []
    for r in range(height):
        if border and (r == 0 or r == height - 1):
            rows.append("+" * width)
        else:
            rows.append(fill * width)
    return "\n".join(rows)


print(box(3, 2))
print(box(width=4, height=1, fill="."))
print(box(height=3, width=2, border=True))
print(box(5, 3, border=True, fill="~"))


def ratio(num: float, den: float) -> float:
    return num / den


print(ratio(den=4.0, num=1.0), ratio(3.0, den=2.0))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower))
