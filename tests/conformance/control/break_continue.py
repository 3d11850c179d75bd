total = 0
for i in range(20):
    if i % 2 == 0:
        continue
    if i > 15:
        break
    total += i
print(total)

for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print(i, j)
