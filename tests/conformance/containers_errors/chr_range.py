print(chr(1114111) == "\U0010ffff")
print(chr(1114112))
