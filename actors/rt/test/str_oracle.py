"""CPython side of the portalis_rt string differential test
(str-differential.test.ts).

Reads JSON lines {"id": n, "fn": name, "args": [...]} on stdin; arguments
are {"s": text}, {"i": "decimal"}, {"p": "hex"} (a big int), {"f": "16 hex digits of the IEEE bits"},
{"b": bool}, {"l": [text, ...]} or null (None). Writes one JSON line per
case: {"id": n, "ok": value} or {"id": n, "err": [class, message]}, with
values as str_driver.rs writes them (strings, {"i": "decimal"},
{"f": "hex bits"}, booleans, arrays). {"surrogate": true} marks a result
holding a lone surrogate, which Portalis strings cannot store, and
{"bigint": true} an int result outside i64.
"""
import json
import struct
import sys


def dec(a):
    if a is None:
        return None
    (k, v), = a.items()
    if k == "s":
        return v
    if k == "i":
        return int(v)
    if k == "p":
        return int(v, 16)
    if k == "f":
        return struct.unpack("<d", bytes.fromhex(v)[::-1])[0]
    if k == "b":
        return v
    if k == "l":
        return list(v)
    raise ValueError(k)


def enc(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, float):
        return {"f": struct.pack("<d", v)[::-1].hex()}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    return v


def has_surrogate(v):
    if isinstance(v, str):
        return any(0xD800 <= ord(c) < 0xE000 for c in v)
    if isinstance(v, (list, tuple)):
        return any(has_surrogate(x) for x in v)
    return False


def charinfo(s):
    out = []
    for c in s:
        preds = [
            c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(), c.isspace(),
            c.isprintable(), c.isupper(), c.islower(), c.istitle(), c.isidentifier(),
            len(("a" + c + "b").splitlines()) == 2,
        ]
        bits = "".join("1" if p else "0" for p in preds)
        out.append("|".join([bits, c.upper(), c.lower(), c.title(), c.casefold(), c.swapcase()]))
    return out


FUNCS = {
    "len": len,
    "index": lambda s, i: s[i],
    "slice": lambda s, a, b, c: s[a:b:c],
    "concat": lambda a, b: a + b,
    "repeat": lambda s, n: s * n,
    "contains": lambda s, t: t in s,
    "chars": lambda s: list(s),
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "eq": lambda a, b: a == b,
    "ord": ord,
    "chr": chr,
    "repr": repr,
    "ascii": ascii,
    "split": lambda s, sep, n: s.split(sep, n),
    "rsplit": lambda s, sep, n: s.rsplit(sep, n),
    "join": lambda sep, xs: sep.join(xs),
    "strip": lambda s, c: s.strip(c),
    "lstrip": lambda s, c: s.lstrip(c),
    "rstrip": lambda s, c: s.rstrip(c),
    "replace": lambda s, a, b, n: s.replace(a, b, n),
    "upper": str.upper,
    "lower": str.lower,
    "casefold": str.casefold,
    "title": str.title,
    "capitalize": str.capitalize,
    "swapcase": str.swapcase,
    "startswith": lambda s, p, a, b: s.startswith(p, a, b),
    "endswith": lambda s, p, a, b: s.endswith(p, a, b),
    "find": lambda s, t, a, b: s.find(t, a, b),
    "rfind": lambda s, t, a, b: s.rfind(t, a, b),
    "index_of": lambda s, t, a, b: s.index(t, a, b),
    "rindex": lambda s, t, a, b: s.rindex(t, a, b),
    "count": lambda s, t, a, b: s.count(t, a, b),
    "isdigit": str.isdigit,
    "isdecimal": str.isdecimal,
    "isnumeric": str.isnumeric,
    "isalpha": str.isalpha,
    "isalnum": str.isalnum,
    "isspace": str.isspace,
    "isupper": str.isupper,
    "islower": str.islower,
    "istitle": str.istitle,
    "isidentifier": str.isidentifier,
    "isascii": str.isascii,
    "isprintable": str.isprintable,
    "zfill": lambda s, w: s.zfill(w),
    "center": lambda s, w, f: s.center(w) if f is None else s.center(w, f),
    "ljust": lambda s, w, f: s.ljust(w) if f is None else s.ljust(w, f),
    "rjust": lambda s, w, f: s.rjust(w) if f is None else s.rjust(w, f),
    "splitlines": lambda s, k: s.splitlines(k),
    "partition": lambda s, sep: s.partition(sep),
    "rpartition": lambda s, sep: s.rpartition(sep),
    "expandtabs": lambda s, n: s.expandtabs(n),
    "removeprefix": lambda s, p: s.removeprefix(p),
    "removesuffix": lambda s, p: s.removesuffix(p),
    "int": lambda s, base: int(s, base),
    "float": float,
    "bin": bin,
    "oct": oct,
    "hex": hex,
    "format_int": format,
    "format_float": format,
    "format_str": format,
    "format_bool": format,
    "charinfo": charinfo,
    "format_pyint": format,
    "pyint_bin": bin,
    "pyint_oct": oct,
    "pyint_hex": hex,
    "pyint_from_str": lambda s, base: int(s, base),
}


def main():
    out = sys.stdout
    for line in sys.stdin:
        req = json.loads(line)
        args = [dec(a) for a in req["args"]]
        try:
            v = FUNCS[req["fn"]](*args)
            if has_surrogate(v):
                r = {"surrogate": True}
            elif req["fn"] == "pyint_from_str":
                r = {"ok": {"x": format(v, "x")}}
            elif isinstance(v, int) and not isinstance(v, bool) and not -(2**63) <= v < 2**63:
                r = {"bigint": True}  # str() of it may exceed CPython's digit limit
            else:
                r = {"ok": enc(v)}
        except Exception as e:  # the class and message are what we compare
            r = {"err": [type(e).__name__, str(e)]}
        r["id"] = req["id"]
        out.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
