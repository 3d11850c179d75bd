s = "hello world"
print("world" in s, "World" in s, "" in s, "o w" in s, "z" not in s)
print("apple" < "banana", "apple" < "Apple", "a" < "ab", "abc" == "abc")
print("b" > "abc", "Z" < "a", "" < "a", "abc" != "abd")
print("abc" <= "abc", "abd" >= "abc")
print(max("pear", "apple", "zebra"), min("pear", "apple", "zebra"))
words = ["delta", "Alpha", "charlie", "bravo"]
print(sorted(words))
print("é" > "z", "ß" < "ü")
