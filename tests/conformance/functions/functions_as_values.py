from typing import Callable


def double(x: int) -> int:
    return x * 2


def negate(x: int) -> int:
    return -x


def apply_all(fs: list[Callable[[int], int]], v: int) -> list[int]:
    return [f(v) for f in fs]


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> Callable[[int], int]:
    def h(x: int) -> int:
        return f(g(x))
    return h


ops: dict[str, Callable[[int, int], int]] = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
}
print(apply_all([double, negate, abs], -7))
print(compose(double, negate)(5), compose(negate, double)(5))
for name in ["add", "sub", "mul"]:
    print(name, ops[name](7, 3))
f = double
print(f(21), f(-1) == double(-1))
pipeline = [double, double, negate]
v = 3
for step in pipeline:
    v = step(v)
print(v)
