a = "ab"
b = "cd"
print(a + b, b + a, a * 3, 3 * b, repr(a * 0), repr(a * -2))
s = ""
for i in range(5):
    s = s + str(i)
print(s)
t = "x"
t += "y"
t *= 2
print(t)
line = "-" * 20
print(line)
print(("ab" + "c") * 2)
print(len(a * 100))
