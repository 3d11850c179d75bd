import sys

args = sys.argv[1:]
print(len(args), args)
nums = [int(a) for a in args if a.lstrip("-").isdigit()]
print(nums, sum(nums))
flags = [a for a in args if a.startswith("--")]
print(flags)
for i, a in enumerate(sys.argv):
    if i > 0:
        print(i, repr(a))
