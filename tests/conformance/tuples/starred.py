first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3, 4)
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
a, *b = "x"
print(a, b)
one, two, *others = "abcdef"
print(one, two, others)
for f, *more in [(1, 2, 3), (4, 5, 6)]:
    print(f, more)
*_, final = [7, 8, 9]
print(final)
