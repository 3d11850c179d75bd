"""match statements: every kind of pattern (converted ahead of analysis)."""


def describe(x, y, point):
    match x:
        case 1 | -2 | 3.5 | "s" | b"b" | 1+2j | -1-2j | "a" "b":
            return "value"
        case None | True | False:
            return "singleton"
        case a.b.c:
            return "dotted"
        case [a, *rest, b] | (a, *rest, b):
            return "sequence"
        case [] | ():
            return "empty"
        case [*_, last]:
            return last
        case {"k": v, 1: _, -1: w, a.b: z, **kw}:
            return (v, w, z, kw)
        case {}:
            return "empty mapping"
        case Point(1, y=2, z=(3 as w)):
            return w
        case Point():
            return "any point"
        case int(n) | float(n):
            return n
        case [*_] if x > 1:
            return "guarded"
        case ([p] as q) | ((p,) as q):
            return q
        case (_):
            return "group"
    match x, y:
        case -1, a.b:
            pass
        case 0, _,:
            pass
        case _ as anything if anything:
            pass
    match (x):
        case [1, [2, *inner], {"k": [3, 4]}]:
            print(inner)
        case str() as s:
            print(s)
    match point:
        case Point(x=0, y=0) | Point(0, 0):
            pass
        case _:
            pass
