import sys


def parse_line(line: str) -> list[str]:
    fields: list[str] = []
    buf: list[str] = []
    quoted = False
    i = 0
    while i < len(line):
        c = line[i]
        if quoted:
            if c == '"':
                if i + 1 < len(line) and line[i + 1] == '"':
                    buf.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                buf.append(c)
        elif c == '"':
            quoted = True
        elif c == ",":
            fields.append("".join(buf))
            buf = []
        else:
            buf.append(c)
        i += 1
    fields.append("".join(buf))
    return fields


header = parse_line(sys.stdin.readline().rstrip("\n"))
print("columns:", header)
rows: list[dict[str, str]] = []
bad = 0
for raw in sys.stdin:
    line = raw.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    fields = parse_line(line)
    if len(fields) != len(header):
        bad += 1
        print("skipping malformed line:", repr(line))
        continue
    rows.append(dict(zip(header, fields)))
print(len(rows), "rows,", bad, "malformed")
by_dept: dict[str, list[int]] = {}
for r in rows:
    by_dept.setdefault(r["dept"], []).append(int(r["salary"]))
print(f"{'dept':<12}{'n':>3}{'total':>10}{'mean':>10}{'max':>8}")
for dept in sorted(by_dept):
    s = by_dept[dept]
    print(f"{dept:<12}{len(s):>3}{sum(s):>10,}{sum(s) / len(s):>10.1f}{max(s):>8}")
names = sorted((r["name"] for r in rows), key=lambda n: (n.split()[-1], n))
print("by surname:", names)
quoted = [r["name"] for r in rows if "," in r["name"] or '"' in r["name"]]
print("tricky names:", quoted)
top = max(rows, key=lambda r: int(r["salary"]))
print("top earner:", top["name"], top["salary"])
cities = {r["city"] for r in rows}
print("cities:", sorted(cities), len(cities))
