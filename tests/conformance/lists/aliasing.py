def add_item(xs: list[int], v: int) -> None:
    xs.append(v)


def replaced(xs: list[int]) -> list[int]:
    xs = [0]
    return xs


a = [1]
add_item(a, 2)
print(a)
b = replaced(a)
print(a, b)
c = a
c += [3]
print(a)
d = a[:]
d.append(4)
print(a, d)
outer = [[0], [0]]
inner = outer[0]
inner.append(1)
print(outer)
print(a == c, a is c, a == d)
