def greet(name: str, greeting: str = "Hello", punct: str = "!") -> str:
    return greeting + ", " + name + punct


def power(base: int, exp: int = 2) -> int:
    return base ** exp


def scale(xs: list[float], factor: float = 1.5) -> list[float]:
    return [x * factor for x in xs]


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cid", "Yo", "?"))
print(power(3), power(3, 3), power(2, 0))
print(scale([1.0, 2.0]), scale([1.0], 2.0))


def count_up(n: int, start: int = 0, step: int = 1) -> list[int]:
    return list(range(start, n, step))


print(count_up(5), count_up(5, 2), count_up(10, 1, 3))
