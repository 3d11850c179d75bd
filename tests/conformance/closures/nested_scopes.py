def level1() -> str:
    a = "1"

    def level2() -> str:
        b = a + "2"

        def level3() -> str:
            return b + "3" + a

        return level3()

    return level2()


print(level1())


def make_ops(base: int):
    def add(x: int) -> int:
        return base + x

    def twice(x: int) -> int:
        return add(add(x))

    return twice


print(make_ops(10)(1), make_ops(-1)(0))


def shadow() -> list[int]:
    x = 1

    def inner() -> int:
        x = 100
        return x

    return [inner(), x]


print(shadow())
