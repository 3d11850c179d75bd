import sys


def check(values: list[int]) -> int:
    bad = [v for v in values if v < 0]
    print("bad values:", bad)
    return len(bad)


status = check([3, -1, 4, -5])
print("exiting with", status)
sys.exit(status)
print("never printed")
