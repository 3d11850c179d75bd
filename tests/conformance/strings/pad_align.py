print(repr("42".zfill(5)), repr("-42".zfill(5)), repr("+7".zfill(4)), repr("abc".zfill(2)))
print(repr("hi".center(6)), repr("hi".center(7)), repr("hi".center(7, "*")), repr("odd".center(6, ".")))
print(repr("left".ljust(8)), repr("left".ljust(8, "-")), repr("toolong".ljust(3)))
print(repr("right".rjust(8)), repr("right".rjust(8, "0")))
for name, qty in [("apple", 3), ("kiwi", 12), ("watermelon", 100)]:
    print(name.ljust(12, ".") + str(qty).rjust(5))
print("|" + "title".center(11, "=") + "|")
