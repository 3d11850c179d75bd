def shout(s: str) -> None:
    print(s.upper())


def maybe_print(flag: bool) -> None:
    if flag:
        print("flag set")
        return
    print("flag clear")


r = shout("quiet")
print(r)
maybe_print(True)
maybe_print(False)
print(maybe_print(True) is None)


def noop() -> None:
    pass


print(noop())
