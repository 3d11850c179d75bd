total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, round(total, 10))
x = 1.0
while x > 1e-300:
    x = x / 1e50
    print(x)
print(x * 1e-30, -x * 1e-30)
