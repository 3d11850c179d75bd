"""Every statement and expression form, modelled or not: the differential test compares ranges too."""
x = (1)
y = ((1, 2))
z = (1,)
w = ()
a, = b
[a] = c
(a), (b) = c, d
a = b = c = 1
a[1:2, ::3] = 4
a.b.c = 1
f(a)(b)[c].d
f(*args, **kw)
f(a, b=1, *c, d=2, **e)
f(x for x in y)
f((x for x in y), 1)
x = -1 ** -2
x = not a == b
x = a if b else c if d else e
x = a or b and c or not d
x = (a or b) or c
x = a < b == c != d > e >= f <= g is h is not i in j not in k
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** n
x = ~a + -b - +c
x = [1, 2, *a]
x = [
    1,
    2,
]
x = """multi
line""" + '''another
one'''
x = 'a' \
    'b'
x = a[1]
x = a[1,]
x = a[1, 2]
x = a[()]
x = a[b:c]
x = a[:]
x = a[...]
if (a and
        b):
    pass
elif c: pass
else:
    pass
for (i, j) in k: pass
for i, in k: pass
while (x): x -= 1
def f(a, b, /, c, *, d, **e): pass
def g(*a, b=1): pass
def h(a=1, *b, c, d=4): pass
async def k():
    async for x in y: pass
@a.b(c)
@d
def m(): return
def n() -> 'str': return x,
def o(): return (yield)
class C(B, metaclass=M):
    x: int = 1
x: 'int'
x: int
(x): int = 3
x.y: int
x[0]: int = 1
global q
import a.b as c, d
from .x import (y as z, w)
x = 1; y = 2;
x = 0xFF + 0o7 + 0b1 + 1_0 + 1. + .1 + 1e1 + 1j + 1.5J
x = True + False + None
x = ...
x = b'\x00' b'1'
x = r'\d' R'\w' f'{x!r:>{w}}'
x = 'é' + "😀"
x = lambda: 0
x = lambda a, *b, c=1, **d: a
x = {**a, 'b': 1}
x = {*a, 1}
x = [i for i in range(3) if i for j in k]
x = {i: j for i, j in k}
x = (yield_ := 1)
print(*a, sep='')
del a, b[1], c.d
assert x, y
raise
raise X from Y
try: pass
except (A, B) as e: pass
else: pass
finally: pass
with a, b as c: pass
with (a as b, c as d): pass
match x:
    case [1, *rest]: pass
    case {'k': v, **kw}: pass
    case Point(x=0) | None: pass
    case _: pass
nonlocal_ = 1
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
    return inner
