import sys

if len(sys.argv) != 3:
    print("usage: prog A B", file=sys.stderr)
    sys.exit(2)
a = int(sys.argv[1])
b = int(sys.argv[2])
print(a, "+", b, "=", a + b)
