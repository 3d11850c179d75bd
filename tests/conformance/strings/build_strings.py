def caesar(text: str, shift: int) -> str:
    out = []
    for c in text:
        if c.isupper():
            out.append(chr((ord(c) - 65 + shift) % 26 + 65))
        elif c.islower():
            out.append(chr((ord(c) - 97 + shift) % 26 + 97))
        else:
            out.append(c)
    return "".join(out)


msg = "Hello, World!"
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
parts = []
for i in range(1, 6):
    parts.append("*" * i)
print("|".join(parts))
acc = ""
for word in "to be or not to be".split():
    acc += word[0]
print(acc, acc.upper())
