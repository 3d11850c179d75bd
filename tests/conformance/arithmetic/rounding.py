for i in range(-6, 7):
    print(i / 2, round(i / 2))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(-0.125, 2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(123.456, -1), round(5e-324, 400))
