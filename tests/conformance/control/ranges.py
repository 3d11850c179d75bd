for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(0):
    print("never")
for i in range(-5, 5, 4):
    print(i, end=",")
print()
step = 2
for i in range(1, 8, step):
    print(i, end=" ")
print()
