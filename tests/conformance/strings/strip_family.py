s = "   padded text \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("www.example.com".strip("cmowz."))
print("123abc321".strip("123"), "abc".strip("abc") == "")
print(repr("".strip()), repr("   ".strip()))
print("<<tag>>".strip("<>"), "--a-b--".rstrip("-"))
print(repr("\u3000wide space\u3000".strip()))
