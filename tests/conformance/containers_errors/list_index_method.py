words = ["a", "b", "c"]
print(words.index("c"))
print(words.index("z"))
