"""CPython side of the containers differential test (containers.test.ts).

Reads the programs containers_driver.rs reads (one per line, see there)
and prints, per program, the statements' outputs joined by " \\x01":
  ok <text>  |  err <ExceptionType> <message>  |  overflow
("overflow": an int result outside i64, where Portalis raises its OverflowError.)
Floats are decoded from their IEEE bits one by one, so every NaN is a
distinct object, as in translated code (which has no object identity).
"""
import struct
import sys


def p_int(t):
    return int(t)


def p_float(t):
    return struct.unpack(">d", bytes.fromhex(t))[0]


def p_tuple(t):
    a, b = t.split(",")
    return (int(a), int(b))


PARSERS = {"SI": p_int, "SF": p_float, "ST": p_tuple, "LI": p_int, "LF": p_float, "DI": p_int, "DF": p_float, "TU": p_int, "RG": p_int}


def ok(s):
    return "ok " + s


def err(e):
    return "err %s %s" % (type(e).__name__, e)


def items(parse, toks):
    n = int(toks[0])
    return [parse(t) for t in toks[1 : 1 + n]]


def run_set(parse, stmts):
    env = {}
    out = []
    for st in stmts:
        op = st[0]
        v = st[1] if len(st) > 1 else ""
        try:
            if op == "new":
                xs = items(parse, st[3:])
                env[v] = frozenset(xs) if st[2] == "f" else set(xs)
                out.append(ok(repr(env[v])))
            elif op == "fromdict":
                env[v] = set(dict.fromkeys(items(parse, st[2:]), 0))
                out.append(ok(repr(env[v])))
            elif op == "add":
                env[v].add(parse(st[2]))
                out.append(ok(repr(env[v])))
            elif op == "discard":
                env[v].discard(parse(st[2]))
                out.append(ok(repr(env[v])))
            elif op == "remove":
                env[v].remove(parse(st[2]))
                out.append(ok(repr(env[v])))
            elif op == "pop":
                x = env[v].pop()
                out.append(ok("%r %r" % (x, env[v])))
            elif op == "clear":
                env[v].clear()
                out.append(ok(repr(env[v])))
            elif op == "copy":
                env[st[2]] = env[v].copy()
                out.append(ok(repr(env[st[2]])))
            elif op == "fz":
                env[st[2]] = frozenset(env[v])
                out.append(ok(repr(env[st[2]])))
            elif op == "thaw":
                env[st[2]] = set(env[v])
                out.append(ok(repr(env[st[2]])))
            elif op == "bin":
                a, b = env[v], env[st[2]]
                o = st[4]
                r = a | b if o == "|" else a & b if o == "&" else a - b if o == "-" else a ^ b
                env[st[3]] = r
                out.append(ok(repr(r)))
            elif op == "inp":
                a, b = env[v], env[st[2]]
                o = st[3]
                if o == "|":
                    a |= b
                elif o == "&":
                    a &= b
                elif o == "-":
                    a -= b
                else:
                    a ^= b
                out.append(ok(repr(a)))
            elif op == "items":
                a = env[v]
                meth = st[3]
                xs = items(parse, st[4:])
                r = getattr(a, meth)(xs)
                if meth in ("union", "intersection", "difference", "symmetric_difference"):
                    env[st[2]] = r
                    out.append(ok(repr(r)))
                elif meth in ("issubset", "issuperset", "isdisjoint"):
                    out.append(ok(repr(r)))
                else:
                    out.append(ok(repr(a)))
            elif op == "dictarg":
                a = env[v]
                meth = st[3]
                d = dict.fromkeys(items(parse, st[4:]), 0)
                r = getattr(a, meth)(d)
                if meth in ("difference", "intersection"):
                    env[st[2]] = r
                    out.append(ok(repr(r)))
                else:
                    out.append(ok(repr(a)))
            elif op == "cmp":
                a, b = env[v], env[st[2]]
                out.append(ok("%r %r %r %r %r %r" % (a <= b, a < b, a == b, a >= b, a > b, a.isdisjoint(b))))
            elif op == "has":
                out.append(ok("%r %d" % (parse(st[2]) in env[v], len(env[v]))))
            elif op == "hash":
                out.append(ok(str(hash(env[v]))))
            elif op == "iter":
                s = env[v]
                extra = parse(st[2])
                seen = []
                try:
                    for x in s:
                        seen.append(repr(x))
                        if len(seen) == 2:
                            s.add(extra)
                    out.append(ok(",".join(seen)))
                except Exception as e:
                    out.append("%s after %s" % (err(e), ",".join(seen)))
            else:
                raise SystemExit("unknown set statement " + op)
        except (KeyError, ValueError, IndexError, RuntimeError) as e:
            out.append(err(e))
    return out


def opt(t):
    return None if t == "_" else int(t)


KEYS = {
    "neg": lambda x: -x,
    "mod7": lambda x: x % 7,
    "abs": abs,
}


def run_list(parse, stmts):
    xs = []
    out = []
    for st in stmts:
        op = st[0]
        try:
            if op == "new":
                xs[:] = items(parse, st[1:])
                out.append(ok(repr(xs)))
            elif op == "get":
                out.append(ok(repr(xs[int(st[1])])))
            elif op == "set":
                xs[int(st[1])] = parse(st[2])
                out.append(ok(repr(xs)))
            elif op == "del":
                del xs[int(st[1])]
                out.append(ok(repr(xs)))
            elif op == "getslice":
                out.append(ok(repr(xs[opt(st[1]) : opt(st[2]) : opt(st[3])])))
            elif op == "setslice":
                xs[opt(st[1]) : opt(st[2]) : opt(st[3])] = items(parse, st[4:])
                out.append(ok(repr(xs)))
            elif op == "setself":
                xs[opt(st[1]) : opt(st[2]) : opt(st[3])] = xs
                out.append(ok(repr(xs)))
            elif op == "delslice":
                del xs[opt(st[1]) : opt(st[2]) : opt(st[3])]
                out.append(ok(repr(xs)))
            elif op == "insert":
                xs.insert(int(st[1]), parse(st[2]))
                out.append(ok(repr(xs)))
            elif op == "append":
                xs.append(parse(st[1]))
                out.append(ok(repr(xs)))
            elif op == "extendself":
                xs.extend(xs)
                out.append(ok(repr(xs)))
            elif op == "pop":
                i = opt(st[1])
                x = xs.pop() if i is None else xs.pop(i)
                out.append(ok("%r %r" % (x, xs)))
            elif op == "remove":
                xs.remove(parse(st[1]))
                out.append(ok(repr(xs)))
            elif op == "index":
                a, b = opt(st[2]), opt(st[3])
                x = parse(st[1])
                if a is None and b is None:
                    r = xs.index(x)
                elif b is None:
                    r = xs.index(x, a)
                else:
                    r = xs.index(x, 0 if a is None else a, b)
                out.append(ok(str(r)))
            elif op == "count":
                out.append(ok(str(xs.count(parse(st[1])))))
            elif op == "has":
                out.append(ok(repr(parse(st[1]) in xs)))
            elif op == "reverse":
                xs.reverse()
                out.append(ok(repr(xs)))
            elif op == "repeat":
                out.append(ok(repr(xs * int(st[1]))))
            elif op == "cmp":
                o = items(parse, st[1:])
                out.append(ok("%r %r %r %r %r" % (xs == o, xs < o, xs <= o, xs > o, xs >= o)))
            elif op == "sort":
                reverse = st[1] == "1"
                if st[2] == "none":
                    xs.sort(reverse=reverse)
                else:
                    xs.sort(key=KEYS[st[2]], reverse=reverse)
                out.append(ok(repr(xs)))
            elif op == "sortpairs":
                pairs = [(x, i) for i, x in enumerate(xs)]
                pairs.sort(reverse=st[1] == "1")
                out.append(ok(repr(pairs)))
            elif op == "minmax":
                k = KEYS[st[1]]
                parts = []
                for f in (min, max):
                    try:
                        parts.append(ok(repr(f(xs, key=k))))
                    except ValueError as e:
                        parts.append(err(e))
                out.append(" | ".join(parts))
            else:
                raise SystemExit("unknown list statement " + op)
        except (KeyError, ValueError, IndexError, RuntimeError) as e:
            out.append(err(e))
    return out


def run_dict(parse, stmts):
    d = {}
    out = []
    for st in stmts:
        op = st[0]
        try:
            if op == "set":
                d[parse(st[1])] = int(st[2])
                out.append(ok(repr(d)))
            elif op == "get":
                out.append(ok(str(d[parse(st[1])])))
            elif op == "getor":
                out.append(ok(str(d.get(parse(st[1]), -1))))
            elif op == "del":
                del d[parse(st[1])]
                out.append(ok(repr(d)))
            elif op == "pop":
                v = d.pop(parse(st[1]))
                out.append(ok("%d %r" % (v, d)))
            elif op == "popor":
                v = d.pop(parse(st[1]), -1)
                out.append(ok("%d %r" % (v, d)))
            elif op == "popitem":
                k, v = d.popitem()
                out.append(ok("%r %d %r" % (k, v, d)))
            elif op == "setdefault":
                v = d.setdefault(parse(st[1]), int(st[2]))
                out.append(ok("%d %r" % (v, d)))
            elif op == "has":
                out.append(ok(repr(parse(st[1]) in d)))
            elif op in ("update", "eq"):
                n = int(st[1])
                other = dict((parse(st[2 + 2 * i]), int(st[3 + 2 * i])) for i in range(n))
                if op == "update":
                    d.update(other)
                    out.append(ok(repr(d)))
                else:
                    out.append(ok(repr(d == other)))
            elif op == "clear":
                d.clear()
                out.append(ok(repr(d)))
            elif op == "copy":
                d = d.copy()
                out.append(ok(repr(d)))
            elif op == "iterdel":
                for k in d:
                    del d[k]
                out.append(ok(repr(d)))
            elif op == "iterswap":
                extra = parse(st[1])
                n = 0
                try:
                    for k in d:
                        n += 1
                        if n == 1:
                            del d[k]
                            d[extra] = 0
                    out.append(ok("%d %r" % (n, d)))
                except RuntimeError as e:
                    out.append(err(e))
            else:
                raise SystemExit("unknown dict statement " + op)
        except (KeyError, ValueError, IndexError, RuntimeError) as e:
            out.append(err(e))
    return out


def run_tuple(parse, stmts):
    t = ()
    out = []
    for st in stmts:
        op = st[0]
        try:
            if op == "new":
                t = tuple(items(int, st[1:]))
                out.append(ok(repr(t)))
            elif op == "get":
                out.append(ok(str(t[int(st[1])])))
            elif op == "slice":
                out.append(ok(repr(t[opt(st[1]) : opt(st[2]) : opt(st[3])])))
            elif op == "index":
                a, b = opt(st[2]), opt(st[3])
                x = int(st[1])
                if a is None and b is None:
                    r = t.index(x)
                elif b is None:
                    r = t.index(x, a)
                else:
                    r = t.index(x, 0 if a is None else a, b)
                out.append(ok(str(r)))
            elif op == "count":
                out.append(ok(str(t.count(int(st[1])))))
            elif op == "has":
                out.append(ok(repr(int(st[1]) in t)))
            elif op == "concat":
                out.append(ok(repr(t + tuple(items(int, st[1:])))))
            elif op == "repeat":
                out.append(ok(repr(t * int(st[1]))))
            elif op == "cmp":
                o = tuple(items(int, st[1:]))
                out.append(ok("%r %r %r %r" % (t == o, t < o, t <= o, t > o)))
            elif op == "hash":
                out.append(ok(str(hash(t))))
            elif op == "pair":
                if len(t) <= 2:
                    x = t
                else:
                    x = (t[0], t[1] / 2, (t[2], t[0] == t[2]))
                out.append(ok("%r %d" % (x, hash(x))))
            else:
                raise SystemExit("unknown tuple statement " + op)
        except (KeyError, ValueError, IndexError, RuntimeError) as e:
            out.append(err(e))
    return out


def run_range(parse, stmts):
    r = range(0)
    out = []
    for st in stmts:
        op = st[0]
        try:
            if op == "new":
                r = range(int(st[1]), int(st[2]), int(st[3]))
                out.append(ok(repr(r)))
            elif op == "len":
                out.append(ok(str(len(r))))
            elif op == "get":
                out.append(ok(str(r[int(st[1])])))
            elif op == "slice":
                out.append(ok(repr(r[opt(st[1]) : opt(st[2]) : opt(st[3])])))
            elif op == "has":
                out.append(ok(repr(int(st[1]) in r)))
            elif op == "index":
                i = r.index(int(st[1]))
                out.append(ok(str(i)) if -(2**63) <= i < 2**63 else "overflow")
            elif op == "count":
                out.append(ok(str(r.count(int(st[1])))))
            elif op == "eq":
                out.append(ok(repr(r == range(int(st[1]), int(st[2]), int(st[3])))))
            elif op == "list":
                out.append(ok(repr(list(r[:50]))))
            else:
                raise SystemExit("unknown range statement " + op)
        except (KeyError, ValueError, IndexError, RuntimeError, OverflowError) as e:
            out.append(err(e))
    return out


RUNNERS = {"S": run_set, "L": run_list, "D": run_dict, "T": run_tuple, "R": run_range}


def main():
    w = sys.stdout
    for line in sys.stdin:
        line = line.rstrip("\n")
        kind, _, rest = line.partition(" ")
        stmts = [s.split() for s in rest.split(" ; ")]
        stmts = [s for s in stmts if s]
        outs = RUNNERS[kind[0]](PARSERS[kind], stmts)
        w.write(" \x01".join(outs) + "\n")


if __name__ == "__main__":
    main()
