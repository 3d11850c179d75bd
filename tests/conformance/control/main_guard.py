LIMIT = 5


def square(x: int) -> int:
    return x * x


def total() -> int:
    s = 0
    for i in range(LIMIT):
        s += square(i)
    return s


if __name__ == "__main__":
    print("total", total())
    print(square(LIMIT))
