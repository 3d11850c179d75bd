import sys

print("arguments:", len(sys.argv) - 1)
first = sys.argv[1]
print(first)
