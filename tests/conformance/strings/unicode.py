s = "naïve café"
print(len(s), s[2], s[-1], s[::-1])
print("ß".upper(), "ẞ".lower(), "ﬁ".upper(), len("ß".upper()))
print("İ".lower() == "i̇", len("İ".lower()))
print("ÉCOLE".lower(), "élan".capitalize(), "straße".title())
emoji = "a😀b"
print(len(emoji), emoji[1], emoji[2], ord(emoji[1]))
print(repr("café"), repr("日本語"), repr("tab\there"))
print("日本語".find("語"), "日本語"[1:])
print("Ω".isalpha(), "٣".isdigit(), "²".isdigit(), "½".isdigit())
print("ǅ".upper(), "ǆ".title(), "ŉ".upper())
