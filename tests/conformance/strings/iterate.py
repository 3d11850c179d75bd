count = 0
vowels = 0
for ch in "Programming in Python":
    count += 1
    if ch in "aeiouAEIOU":
        vowels += 1
print(count, vowels)
out = ""
for c in "abc":
    out = c + out
print(out)
for i, c in enumerate("xyz"):
    print(i, c)
letters = [c for c in "hello" if c != "l"]
print(letters)
print(list("wörd"))
