import sys

UNITS = {
    "mm": 0.001,
    "cm": 0.01,
    "m": 1.0,
    "km": 1000.0,
    "in": 0.0254,
    "ft": 0.3048,
    "mi": 1609.344,
}


def usage() -> str:
    return "usage: convert VALUE FROM TO [--precision N] | convert --list"


def parse_args(args: list[str]) -> tuple[list[str], int]:
    positional: list[str] = []
    precision = 3
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--precision":
            if i + 1 >= len(args) or not args[i + 1].isdigit():
                return [], -1
            precision = int(args[i + 1])
            i += 2
            continue
        positional.append(a)
        i += 1
    return positional, precision


def convert(value: float, src: str, dst: str) -> float:
    return value * UNITS[src] / UNITS[dst]


def list_units() -> None:
    width = max(len(u) for u in UNITS)
    for name, factor in sorted(UNITS.items(), key=lambda kv: kv[1]):
        print(f"{name:>{width}} = {factor:g} m")


def main(argv: list[str]) -> int:
    if argv == ["--list"]:
        list_units()
        return 0
    positional, precision = parse_args(argv)
    if precision < 0 or len(positional) != 3:
        print(usage(), file=sys.stderr)
        return 2
    raw, src, dst = positional
    bad = [u for u in (src, dst) if u not in UNITS]
    if bad:
        print(f"unknown unit(s): {', '.join(bad)}; try --list", file=sys.stderr)
        return 3
    value = float(raw)
    result = convert(value, src, dst)
    print(f"{value:g} {src} = {result:.{precision}f} {dst}")
    back = convert(result, dst, src)
    print(f"round trip: {back:.{precision}f} {src} ({'exact' if back == value else 'inexact'})")
    table = [(u, convert(value, src, u)) for u in UNITS if u != src]
    for u, v in table:
        print(f"  {u:>3}: {v:>14.4f}")
    return 0


if __name__ == "__main__":
    for trial in (["--list"], ["1", "parsec", "m"], ["1", "m"], ["2", "mi", "km", "--precision", "x"]):
        print("exit code", main(trial))
    sys.exit(main(sys.argv[1:]))
