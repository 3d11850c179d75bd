import sys

header = sys.stdin.readline()
print(repr(header), repr(header.strip()))
total = 0
count = 0
while True:
    line = sys.stdin.readline()
    if not line:
        break
    total += int(line)
    count += 1
print(count, total)
print(repr(sys.stdin.readline()))
