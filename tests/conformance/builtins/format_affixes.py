s = "banana"
pre = ("x", "ba")
print(s.startswith(pre), s.startswith(("an",), 1), s.startswith(("an", "na"), 2, 3), s.endswith(("an", "na"), 0, -1))
print(s.endswith(()), s.startswith(("",)), s.endswith(("nana", "q"), -4), s.startswith(("ana",), -3))
print("".startswith(("", "a")), "abc".endswith(("c",), 5))
parts = tuple(["b", "c"])
print(s.startswith(parts), "cat".startswith(parts))
print(ord("\n"), chr(0x1F600), bin(-5), oct(0), hex(2**62), bin(True), hex(False))
print(format(3.5), format("x"), format(7, "03"), format(True), format(None), format([1, 2]))
spec = ">+10.2f"
print(format(2.5, spec), format(-1, spec[:3]))
