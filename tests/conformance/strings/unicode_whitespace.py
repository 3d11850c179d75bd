s = "a\x1cb\x1dc\x1ed\x1fe\u3000f\u2028g\x85h\xa0i"
print(s.split())
print(len(s.split(" ")), "\xa0".isspace(), "\u200b".isspace(), "\x1c".isspace())
t = "one\x0btwo\x0cthree\x1cfour\u2028five\u2029six\x85seven\r\neight"
print(t.splitlines())
print(t.split("\n"))
print(repr("\t x \u3000\xa0".strip()), repr("\u200bx\u200b".strip()))
print(repr("\x1c\x1d".strip()), "x\x0by".splitlines(True))
