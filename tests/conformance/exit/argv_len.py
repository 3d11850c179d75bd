import sys

n = len(sys.argv)
print("arguments:", n - 1)
if n < 2:
    sys.exit(2)
