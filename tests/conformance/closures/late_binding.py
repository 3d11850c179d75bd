def late() -> list[int]:
    funcs = []
    for i in range(3):
        def f(x: int) -> int:
            return x + i
        funcs.append(f)
    return [g(0) for g in funcs]


print(late())


def make(i: int):
    def f(x: int) -> int:
        return x + i
    return f


bound = [make(i) for i in range(3)]
print([g(0) for g in bound])


def outer() -> list[int]:
    v = 1

    def get() -> int:
        return v

    first = get()
    v = 2
    return [first, get()]


print(outer())
