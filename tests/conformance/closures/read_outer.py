def make_multiplier(k: int):
    def mul(x: int) -> int:
        return x * k
    return mul


def make_greeter(greeting: str):
    def greet(name: str) -> str:
        return f"{greeting}, {name}"
    return greet


triple = make_multiplier(3)
half = make_multiplier(-1)
print(triple(5), half(5), make_multiplier(0)(99))
hi = make_greeter("hi")
yo = make_greeter("yo")
print(hi("ann"), yo("bob"))
prefix = ">> "


def show(s: str) -> None:
    print(prefix + s)


show("uses a module constant")
