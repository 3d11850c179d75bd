words = "the cat and the hat and the bat".split()
unique = set(words)
print(len(unique), sorted(unique))
print("cat" in unique, "dog" in unique)
vowels = set("aeiou")
letters = set("programming language")
print(sorted(letters & vowels), sorted(letters - vowels - {" "}))
seen: set[str] = set()
dups: list[str] = []
for w in words:
    if w in seen:
        if w not in dups:
            dups.append(w)
    else:
        seen.add(w)
print(dups)
print(sorted(sorted(seen), key=len), sorted(seen, reverse=True))
