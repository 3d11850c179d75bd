counter = 0
log: list[str] = []


def bump(by: int = 1) -> int:
    global counter
    counter += by
    return counter


def record(msg: str) -> None:
    log.append(msg)


def reset() -> None:
    global counter
    counter = 0


print(bump(), bump(), bump(5))
record("a")
record("b")
print(counter, log)
reset()
print(counter, bump(2))
