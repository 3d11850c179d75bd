stock = {"apple": 3, "pear": 0, "plum": 5}
for k in list(stock):
    if stock[k] == 0:
        del stock[k]
print(stock)
for k in stock:
    stock[k] += 1
print(stock)
for k in stock:
    stock[k + "_copy"] = stock[k]
