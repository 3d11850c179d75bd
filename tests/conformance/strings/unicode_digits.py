print(int("٣"), int("١٢٣"), int("１２"), int(" ٤٢ "), int("-੫"))
print(float("１.５"), float("٣.٥"), float("-１e２"))
print("٣".isdigit(), "１".isdigit(), "²".isdigit(), "Ⅷ".isdigit(), "Ⅷ".isalpha(), "Ⅷ".isalnum())
print(int("٣٣", 8), int("ff", 16) + int("１０", 2))
digits = [c for c in "a1٢b３" if c.isdigit()]
print(digits, sum(int(d) for d in digits))
