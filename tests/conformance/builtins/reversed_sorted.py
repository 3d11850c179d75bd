xs = [3, 1, 2]
print(list(reversed(xs)), xs, list(reversed("abc")), list(reversed(range(3))))
print("".join(reversed("hello")), list(reversed((1, 2))))
words = ["pear", "Fig", "apple", "kiwi", "banana"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, reverse=True))
print(sorted("hello"), sorted((3.5, -1.0, 2.0)), sorted({3: 0, 1: 0}))
print(sorted([[2, 1], [1, 5], [1, 2]]), sorted(words[:0], reverse=True))
print(words)
