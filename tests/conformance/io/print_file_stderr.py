import sys

print("out 1")
print("err 1", file=sys.stderr)
print("out", 2, sep="-", file=sys.stdout)
print("err", 2, sep="+", end="!\n", file=sys.stderr)
sys.stdout.write("out 3\n")
print([1, 2], {"k": None}, file=sys.stderr)
