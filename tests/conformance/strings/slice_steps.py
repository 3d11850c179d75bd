s = "0123456789"
print(s[2:5], s[:3], s[7:], s[:])
print(s[::2], s[1::2], s[::3])
print(s[::-1], s[::-2], s[8:2:-2])
print(s[-3:], s[:-3], s[-5:-2])
print(s[5:2], repr(s[5:2]), repr(s[20:]), s[-100:3])
print(s[3:100], s[-1:-11:-1])
print(s[2:8:3], s[9:0:-3], s[::-4])
start = 1
stop = 9
step = 4
print(s[start:stop:step], s[stop:start:-step])
t = "héllo wörld"
print(t[1:5], t[::-1], t[-5:])
