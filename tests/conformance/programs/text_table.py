def render(headers: list[str], rows: list[list[str]], align: list[str]) -> list[str]:
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def fmt_row(cells: list[str]) -> str:
        parts = []
        for i, cell in enumerate(cells):
            if align[i] == "r":
                parts.append(cell.rjust(widths[i]))
            elif align[i] == "c":
                parts.append(cell.center(widths[i]))
            else:
                parts.append(cell.ljust(widths[i]))
        return "| " + " | ".join(parts) + " |"

    sep = "+-" + "-+-".join("-" * w for w in widths) + "-+"
    out = [sep, fmt_row(headers), sep.replace("-", "=")]
    for row in rows:
        out.append(fmt_row(row))
    out.append(sep)
    return out


def money(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100:,}.{cents % 100:02d}"


inventory = [
    ("widget", 1250, 3, "A"),
    ("gadget", 99, 120, "B"),
    ("doohickey", 123456, 1, "A"),
    ("thingamajig", 5, 0, "C"),
    ("ünïcödé", 700, 7, "B"),
]
headers = ["item", "price", "qty", "total", "grade"]
rows = []
grand = 0
for name, price, qty, grade in inventory:
    total = price * qty
    grand += total
    rows.append([name, money(price), str(qty), money(total), grade])
rows.append(["TOTAL", "", str(sum(q for _, _, q, _ in inventory)), money(grand), ""])
for line in render(headers, rows, ["l", "r", "r", "r", "c"]):
    print(line)
print()
by_grade: dict[str, list[str]] = {}
for name, _, _, grade in inventory:
    by_grade.setdefault(grade, []).append(name)
for line in render(["grade", "items"], [[g, ", ".join(sorted(v))] for g, v in sorted(by_grade.items())], ["c", "l"]):
    print(line)
print(money(-5), money(0), money(100000000))


def wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = word if not current else current + " " + word
    if current:
        lines.append(current)
    return lines


notes = "Prices are in euros. Totals include every unit in stock; grade C items are discontinued and will not be reordered."
for line in render(["notes"], [[l] for l in wrap(notes, 24)], ["l"]):
    print(line)
print(wrap("", 10), wrap("supercalifragilistic word", 5))
