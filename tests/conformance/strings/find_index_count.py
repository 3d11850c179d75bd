s = "banana bandana"
print(s.find("an"), s.find("an", 2), s.find("an", 2, 3), s.find("xyz"))
print(s.rfind("an"), s.rfind("an", 0, 5), s.rfind("q"))
print(s.index("ban"), s.index("ban", 1), s.rindex("an"))
print(s.count("a"), s.count("an"), s.count("ana"), s.count(""), s.count("a", 7))
print(s.find(""), s.rfind(""), "".find(""))
print(s.startswith("ban"), s.startswith("and", 8), s.endswith("ana"), s.endswith("ban"))
print(s.startswith(("x", "b")), s.endswith(("na", "zz")))
print("aaaa".count("aa"), "aaaa".replace("aa", "b"))
