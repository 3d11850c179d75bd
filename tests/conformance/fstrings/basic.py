name = "Ada"
age = 36
pi = 3.14159
print(f"{name} is {age}")
print(f"{name!r} {name!s} {age!r}")
print(f"{age + 1} {age * 2} {len(name)} {name.upper()}")
print(f"{{braces}} {age}")
print(f"{pi}")
print(f"{'nested'} {True} {None}")
items = [1, 2, 3]
print(f"{items} {items[0]} {sum(items)}")
print(f"a{''}b{name[::-1]}c")
x = 5
print(f"{x} squared is {x ** 2}")
