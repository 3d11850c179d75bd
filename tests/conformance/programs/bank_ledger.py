accounts: dict[str, int] = {}
history: dict[str, list[str]] = {}
errors: list[str] = []


def open_account(name: str, initial: int) -> None:
    if name in accounts:
        errors.append(f"open {name}: exists")
        return
    accounts[name] = initial
    history[name] = [f"open {initial}"]


def deposit(name: str, amount: int) -> None:
    if name not in accounts:
        errors.append(f"deposit {name}: no account")
        return
    accounts[name] += amount
    history[name].append(f"+{amount}")


def withdraw(name: str, amount: int) -> bool:
    balance = accounts.get(name)
    if balance is None:
        errors.append(f"withdraw {name}: no account")
        return False
    if amount > balance:
        errors.append(f"withdraw {name}: insufficient ({balance} < {amount})")
        return False
    accounts[name] = balance - amount
    history[name].append(f"-{amount}")
    return True


def transfer(src: str, dst: str, amount: int) -> None:
    if dst not in accounts:
        errors.append(f"transfer to {dst}: no account")
        return
    if withdraw(src, amount):
        deposit(dst, amount)


def apply_interest(rate_percent: int) -> None:
    for name in accounts:
        interest = accounts[name] * rate_percent // 100
        if interest:
            accounts[name] += interest
            history[name].append(f"interest {interest}")


commands = [
    ("open", "alice", "", 100),
    ("open", "bob", "", 50),
    ("deposit", "alice", "", 25),
    ("withdraw", "bob", "", 80),
    ("transfer", "alice", "bob", 60),
    ("open", "alice", "", 5),
    ("deposit", "carol", "", 10),
    ("open", "carol", "", 0),
    ("transfer", "bob", "carol", 110),
    ("transfer", "bob", "dave", 1),
    ("interest", "", "", 10),
    ("withdraw", "alice", "", 71),
]
for op, a, b, amount in commands:
    if op == "open":
        open_account(a, amount)
    elif op == "deposit":
        deposit(a, amount)
    elif op == "withdraw":
        withdraw(a, amount)
    elif op == "transfer":
        transfer(a, b, amount)
    else:
        apply_interest(amount)

for name, balance in accounts.items():
    print(f"{name:<6}{balance:>6}  {' '.join(history[name])}")
print("total:", sum(accounts.values()))
print("richest:", max(accounts, key=lambda n: accounts[n]))
print("errors:")
for e in errors:
    print("  " + e)
ranked = sorted(accounts.items(), key=lambda kv: kv[1], reverse=True)
print(ranked)
print({n: len(h) for n, h in history.items()})
