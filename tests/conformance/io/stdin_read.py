import sys

data = sys.stdin.read()
print(len(data), repr(data[:12]))
lines = data.splitlines()
print(len(lines), lines[0], lines[-1])
words = data.split()
print(len(words), sorted(set(words))[:3])
rest = sys.stdin.read()
print(repr(rest))
