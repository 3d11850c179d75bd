import sys

longest = ""
n = 0
for line in sys.stdin:
    n += 1
    text = line.rstrip("\n")
    print(n, repr(text), len(line))
    if len(text) > len(longest):
        longest = text
print("longest:", longest)
