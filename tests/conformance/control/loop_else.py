i = -1
for i in range(5):
    if i == 10:
        break
else:
    print("no break", i)

i = -1
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)

n = 0
while n < 3:
    n += 1
else:
    print("while else", n)

while True:
    n += 1
    if n > 6:
        break
print(n)
