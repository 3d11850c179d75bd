"""CPython side of wire.e2e.test.ts: reads [{fn, args}] as tagged JSON on
stdin, calls each function of the module named in argv[1] (a path) with the
decoded arguments, and prints the outcomes as tagged JSON.

Tags (the JS side uses the same): {"i": "<decimal>"} int, {"f": "<16 hex
digits, little-endian IEEE bytes, or "nan">"} float, true/false bool, {"s": "..."}
str, null None, {"l": [...]} list, {"t": [...]} tuple, {"S": [...]} set
and {"F": [...]} frozenset (members sorted by their JSON, since JS Sets and
Python sets iterate in different orders), {"d": [[k, v], ...]} dict in
insertion order. An exception is {"raised": "Type", "message": "..."}.
"""
import importlib.util
import json
import struct
import sys


def decode(v):
    if v is None or isinstance(v, bool):
        return v
    (tag, x), = v.items()
    if tag == "i":
        return int(x)
    if tag == "f":
        return float("nan") if x == "nan" else struct.unpack("<d", bytes.fromhex(x))[0]
    if tag == "s":
        return x
    if tag == "l":
        return [decode(e) for e in x]
    if tag == "t":
        return tuple(decode(e) for e in x)
    if tag == "S":
        return {decode(e) for e in x}
    if tag == "F":
        return frozenset(decode(e) for e in x)
    if tag == "d":
        return {decode(k): decode(e) for k, e in x}
    raise ValueError(tag)


def encode(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, float):
        # Every NaN is one value to JS, which need not keep a NaN's sign or payload.
        return {"f": "nan" if v != v else struct.pack("<d", v).hex()}
    if isinstance(v, str):
        return {"s": v}
    if isinstance(v, list):
        return {"l": [encode(e) for e in v]}
    if isinstance(v, tuple):
        return {"t": [encode(e) for e in v]}
    if isinstance(v, (set, frozenset)):
        members = sorted((encode(e) for e in v), key=lambda e: json.dumps(e, sort_keys=True))
        return {"F" if isinstance(v, frozenset) else "S": members}
    if isinstance(v, dict):
        return {"d": [[encode(k), encode(e)] for k, e in v.items()]}
    raise TypeError(type(v))


def main():
    spec = importlib.util.spec_from_file_location("wire_values", sys.argv[1])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = []
    for call in json.load(sys.stdin):
        try:
            out.append({"value": encode(getattr(module, call["fn"])(*[decode(a) for a in call["args"]]))})
        except Exception as e:  # noqa: BLE001 - every exception is an outcome to compare
            out.append({"raised": type(e).__name__, "message": str(e)})
    json.dump(out, sys.stdout)


main()
