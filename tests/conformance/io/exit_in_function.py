import sys


def fail(code: int) -> None:
    print("failing with", code)
    sys.exit(code)


def run() -> None:
    for i in range(5):
        print("step", i)
        if i == 2:
            fail(3)


run()
print("not reached")
