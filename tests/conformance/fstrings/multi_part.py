def fmt_time(seconds: int) -> str:
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h:02d}:{m:02d}:{s:02d}"


def fmt_bytes(n: int) -> str:
    units = ["B", "KiB", "MiB", "GiB"]
    size = float(n)
    i = 0
    while size >= 1024 and i < len(units) - 1:
        size /= 1024
        i += 1
    return f"{size:.1f} {units[i]}" if i else f"{n} B"


for t in [0, 59, 61, 3600, 86399]:
    print(fmt_time(t))
for b in [5, 1023, 1024, 1536, 10 ** 6, 5 * 1024 ** 3]:
    print(fmt_bytes(b))
label = "x"
print(f"{label}-{label * 2}-{label.upper()!r}")
