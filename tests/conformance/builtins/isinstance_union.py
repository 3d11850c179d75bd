from typing import Union


def describe(v: Union[int, str, float]) -> str:
    if isinstance(v, int):
        return f"int {v + 1}"
    if isinstance(v, str):
        return f"str {v.upper()}"
    return f"float {v / 2}"


def size(v: Union[list[int], str]) -> int:
    if isinstance(v, list):
        return sum(v)
    return len(v)


print(describe(1))
print(describe("ab"))
print(describe(2.5))
print(size([1, 2, 3]), size("hello"))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance("x", str), isinstance([1], list), isinstance((1,), tuple), isinstance({"k": 1}, dict), isinstance({1}, set))
