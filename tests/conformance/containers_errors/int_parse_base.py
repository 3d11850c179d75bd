print(int("ff", 16), int("777", 8))
print(int("19", 8))
