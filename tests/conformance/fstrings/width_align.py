s = "ab"
n = 42
print(f"[{s:5}] [{s:<5}] [{s:>5}] [{s:^5}] [{s:^6}]")
print(f"[{n:5}] [{n:<5}] [{n:>5}] [{n:^5}]")
print(f"[{s:*<6}] [{s:->6}] [{s:0^7}] [{n:_^9}]")
print(f"[{n:=+6}] [{-n:=6}] [{n:06}] [{-n:06}]")
print(f"[{s:1}] [{'toolong':3}]")
w = 8
print(f"[{s:>{w}}] [{n:^{w}}] [{3.5:{w}.2f}]")
for word in ["a", "bbb", "ccccc"]:
    print(f"|{word:^7}|{len(word):>3}|")
