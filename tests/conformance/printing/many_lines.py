# More output than one stdout buffer holds (8 KiB): flushed in pieces, in order.
for i in range(3000):
    print(i, i * i, i / 7)
