def make_account(balance: int):
    history: list[str] = []

    def deposit(amount: int) -> int:
        nonlocal balance
        balance += amount
        history.append(f"+{amount}")
        return balance

    def report() -> str:
        return f"{balance} {history}"

    return deposit, report


dep, rep = make_account(100)
dep(50)
dep(25)
print(rep())
dep2, rep2 = make_account(0)
dep2(1)
print(rep2(), rep())
