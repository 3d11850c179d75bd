KEYWORDS = {"let", "if", "then", "else", "print"}
OPERATORS = ["==", "!=", "<=", ">=", "+", "-", "*", "/", "=", "<", ">", "(", ")"]


def tokenize(src: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if c == "#":
            while i < n and src[i] != "\n":
                i += 1
            continue
        if c.isdigit():
            j = i
            while j < n and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("FLOAT" if "." in text else "INT", text))
            i = j
            continue
        if c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("KW" if word in KEYWORDS else "NAME", word))
            i = j
            continue
        if c == '"':
            j = i + 1
            buf = []
            while j < n and src[j] != '"':
                if src[j] == "\\" and j + 1 < n:
                    nxt = src[j + 1]
                    buf.append("\n" if nxt == "n" else nxt)
                    j += 2
                else:
                    buf.append(src[j])
                    j += 1
            tokens.append(("STR", "".join(buf)))
            i = j + 1
            continue
        matched = ""
        for op in OPERATORS:
            if src.startswith(op, i):
                matched = op
                break
        if matched:
            tokens.append(("OP", matched))
            i += len(matched)
            continue
        tokens.append(("ERROR", c))
        i += 1
    return tokens


program = """
let x = 42  # the answer
let y_2 = 3.25 * (x - 1)
if x >= 40 then print "big\\n" else print "small"
z = x != y_2 @ "esc \\"quoted\\""
"""
toks = tokenize(program)
for kind, text in toks:
    print(f"{kind:<6}{text!r}")
kinds: dict[str, int] = {}
for kind, _ in toks:
    kinds[kind] = kinds.get(kind, 0) + 1
print(sorted(kinds.items()))
print(len(toks), [t for k, t in toks if k == "NAME"])
