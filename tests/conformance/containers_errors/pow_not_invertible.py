print(pow(2, -1, 5), pow(3, -2, 7), pow(-2, 5, 7))
print(pow(2, -1, 4))
