"""The JS boundary benchmark (scripts/bench-boundary.mjs): functions whose
work is trivial, so a call costs what passing its values in and out costs."""


def echo_floats(xs: list[float]) -> list[float]:
    return xs


def echo_ints(xs: list[int]) -> list[int]:
    return xs


def echo_str(s: str) -> str:
    return s


def sum_floats(xs: list[float]) -> float:
    total = 0.0
    for x in xs:
        total += x
    return total


def str_len(s: str) -> int:
    return len(s)


def make_floats(n: int) -> list[float]:
    out: list[float] = []
    for i in range(n):
        out.append(i * 0.5)
    return out
