for a in range(-7, 8, 3):
    print(a, a // 3, a % 3, a // -3, a % -3)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.5 % -2)
q, r = divmod(-17, 5)
print(q, r)
fq, fr = divmod(-17.5, 5.0)
print(fq, fr)
print(-1 % 1e100, 1e-300 % 5)
