PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}
RIGHT_ASSOC = {"^"}


def tokens(expr: str) -> list[str]:
    out: list[str] = []
    num = ""
    for ch in expr:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            out.append(num)
            num = ""
        if ch in PRECEDENCE or ch in "()":
            out.append(ch)
    if num:
        out.append(num)
    return out


def to_rpn(toks: list[str]) -> list[str]:
    output: list[str] = []
    ops: list[str] = []
    for t in toks:
        if t in PRECEDENCE:
            while ops and ops[-1] in PRECEDENCE:
                top = ops[-1]
                if PRECEDENCE[top] > PRECEDENCE[t] or (PRECEDENCE[top] == PRECEDENCE[t] and t not in RIGHT_ASSOC):
                    output.append(ops.pop())
                else:
                    break
            ops.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops and ops[-1] != "(":
                output.append(ops.pop())
            ops.pop()
        else:
            output.append(t)
    while ops:
        output.append(ops.pop())
    return output


def evaluate(rpn: list[str]) -> float:
    stack: list[float] = []
    for t in rpn:
        if t in PRECEDENCE:
            b = stack.pop()
            a = stack.pop()
            if t == "+":
                stack.append(a + b)
            elif t == "-":
                stack.append(a - b)
            elif t == "*":
                stack.append(a * b)
            elif t == "/":
                stack.append(a / b)
            elif t == "%":
                stack.append(a % b)
            else:
                stack.append(a ** b)
        else:
            stack.append(float(t))
    return stack[0]


exprs = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ^ 3 ^ 2",
    "100 / 8 / 2",
    "7 % 3 + 0.5",
    "0.1 + 0.2",
    "((2))",
    "3 - 4 - 5",
    "2 * (3 + 4) * (5 - 1) / 7",
    "1 / 3",
]
for e in exprs:
    rpn = to_rpn(tokens(e))
    value = evaluate(rpn)
    print(f"{e:<28} {' '.join(rpn):<24} = {value}")
results = [evaluate(to_rpn(tokens(e))) for e in exprs]
print(max(results), min(results), round(sum(results), 6))
print(evaluate(to_rpn(tokens("10 / (5 - 5)"))))
