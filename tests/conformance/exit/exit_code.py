import sys


def check(n: int) -> None:
    if n > 2:
        print("too big:", n)
        sys.exit(3)


for i in range(10):
    check(i)
    print("ok", i)
