s = "conformance"
print(s[0], s[1], s[-1], s[-2])
print(s[len(s) - 1], s[-len(s)])
i = 0
while i < len(s):
    print(i, s[i], end="; ")
    i += 2
print()
word = "abc"
print(word[0] + word[2], word[1] * 3)
print(len(""), len("a"), len(word))
