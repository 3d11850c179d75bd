print(ord("A"), ord("a"), ord("0"), ord(" "), ord("\n"))
print(chr(65), chr(97), chr(48), repr(chr(10)), repr(chr(0)))
print(ord("é"), ord("€"), ord("ß"), ord("😀"))
print(chr(233), chr(8364), chr(128512), chr(0x41))
shifted = ""
for c in "Hello":
    shifted += chr(ord(c) + 1)
print(shifted)
code = [ord(c) - ord("a") for c in "python"]
print(code)
print("".join(chr(ord("a") + (n + 13) % 26) for n in code))
