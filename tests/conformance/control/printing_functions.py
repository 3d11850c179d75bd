def table(n: int) -> None:
    for i in range(1, n + 1):
        for j in range(1, n + 1):
            if j < n:
                print(i * j, end="\t")
            else:
                print(i * j)


def banner() -> None:
    print("== table ==")


banner()
table(4)
