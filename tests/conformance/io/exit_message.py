import sys

items = ["a", "b"]
print("checking", len(items), "items")
if len(items) < 3:
    sys.exit("error: need at least 3 items, got " + str(len(items)))
print("unreachable")
