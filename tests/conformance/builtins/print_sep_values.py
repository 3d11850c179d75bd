xs = [1, 2, 3]
s = "-"
e = "!\n"
print(*xs)
print(*"abc", sep=s)
print("a", *xs, "b", sep=s, end=e)
print(*[], sep=s)
print("x", *[], "y", sep=", ")
t = (1.5, None, "q")
print(*t, sep=s * 2)
d = {1: "a", 2: "b"}
print(*d, sep="")
print(1, 2, sep=None, end=None)
print(*xs, end="")
print()
import sys
print("err", *xs, sep=s, file=sys.stderr)
