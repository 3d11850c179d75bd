def f(n: int) -> int:
    print("called", n)
    return n * 10

name = "Ada"
age = 36
w = 8
xs = [1, 2]
print("{} {}".format(name, age))
print("{0}{1}{0}".format("ab", "cd"))
print("{n:>{w}}|{a:<{w}}|".format(n=name, a=age, w=w))
print("{:{}}|{:>{}}|".format("x", 5, "y", 4))
print("{!r:^9}|{!s:*<6}".format(name, xs))
print("{:.{}f}".format(3.14159, 2))
print("{}".format(f(1)))
print("{} {}".format(f(2), f(3)))
print("{a} {b}".format(a=f(4), b=name))
print("{0:d} {0:x} {0:o} {0:b} {0:#x}".format(age))
print("{{}} {{{}}}".format(age))
print("{:%}".format(0.25), "{:,.2f}".format(1234567.891))
print("".format(), "plain".format(name))
print("{x}".format(x=None), "{}".format(True), "{:>6}".format(True))
print("{:08.3f}|{:+}|{: }".format(-3.5, 7, 7))
