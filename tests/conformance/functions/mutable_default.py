def append_to(item: int, bucket: list[int] = []) -> list[int]:
    bucket.append(item)
    return bucket


def append_fresh(item: int, bucket: list[int] | None = None) -> list[int]:
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


a = append_to(1)
b = append_to(2)
print(a, b, a is b)
print(append_to(3, [0]), append_to(4))
print(append_fresh(1), append_fresh(2), append_fresh(3, [9]))


def counter(step: int, state: dict[str, int] = {"n": 0}) -> int:
    state["n"] += step
    return state["n"]


print(counter(1), counter(1), counter(5))
