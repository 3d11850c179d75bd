"""CPython side of the portalis_rt differential test.

Reads JSON lines {"id": n, "fn": name, "args": [...]} on stdin, where each
argument is "i:<decimal>" (int) or "f:<16 hex digits>" (the float's IEEE
bits), computes what Python 3 computes for the rt function of that name,
and writes one JSON line per case:
  {"id": n, "int": "<decimal>"} | {"float": "<hex bits>"} | {"bool": b}
  | {"tuple": [r, r]} | {"complex": true} | {"bigint": true}
  | {"err": ["ExceptionType", "message"]}
"bigint" stands for an int too large to compute here (it is outside i64).
For the libm-backed functions a float result also carries "cr": the
correctly rounded value, when mpmath is installed (normal results only).
"""
import json
import math
import struct
import sys


def dec(a):
    kind, _, v = a.partition(":")
    if kind == "i":
        return int(v)
    return struct.unpack("<d", bytes.fromhex(v)[::-1])[0]


def bits(x):
    return struct.pack("<d", x)[::-1].hex()


class Big(Exception):
    pass


def no_huge_shift(a, n):
    if a != 0 and n >= 64:
        raise Big()
    return a << n


def no_huge_pow(a, b):
    if isinstance(b, int) and abs(a) >= 2 and b >= 64:
        raise Big()
    return a ** b


def pow_float(a, b):
    # int_pow_float: CPython's float for b < 0, float(a ** b) otherwise
    # (the int power must fit in i64 first, as in translated code).
    if b < 0:
        return a ** b
    r = no_huge_pow(a, b)
    if not -2**63 <= r < 2**63:
        raise Big()
    return float(r)


def round_int(i, n):
    # CPython computes 10 ** -n first, which never finishes for n near
    # -2**63; for any i64, every n <= -1000 gives the same answer (0).
    return round(i, max(n, -1000))


def no_huge_factorial(n):
    if n > 100:
        raise Big()
    return math.factorial(n)


FNS = {
    "int_add": lambda a, b: a + b,
    "int_sub": lambda a, b: a - b,
    "int_mul": lambda a, b: a * b,
    "int_floordiv": lambda a, b: a // b,
    "int_mod": lambda a, b: a % b,
    "int_divmod": divmod,
    "int_pow": no_huge_pow,
    "int_pow_float": pow_float,
    "int_neg": lambda a: -a,
    "int_abs": abs,
    "int_lshift": no_huge_shift,
    "int_rshift": lambda a, n: a >> n,
    "int_truediv": lambda a, b: a / b,
    "int_to_float": float,
    "float_div": lambda a, b: a / b,
    "float_floordiv": lambda a, b: a // b,
    "float_mod": lambda a, b: a % b,
    "float_divmod": divmod,
    "float_pow": lambda a, b: a ** b,
    "float_to_int": int,
    "round_float": round,
    "round_float_nd": round,
    "round_int_nd": round_int,
    "int_float_eq": lambda i, x: i == x,
    "int_float_ne": lambda i, x: i != x,
    "int_float_lt": lambda i, x: i < x,
    "int_float_le": lambda i, x: i <= x,
    "int_float_gt": lambda i, x: i > x,
    "int_float_ge": lambda i, x: i >= x,
    "float_int_eq": lambda x, i: x == i,
    "float_int_ne": lambda x, i: x != i,
    "float_int_lt": lambda x, i: x < i,
    "float_int_le": lambda x, i: x <= i,
    "float_int_gt": lambda x, i: x > i,
    "float_int_ge": lambda x, i: x >= i,
    "math_log_base": math.log,
    "math_isclose": lambda a, b, r, t: math.isclose(a, b, rel_tol=r, abs_tol=t),
    "math_factorial": no_huge_factorial,
}
for name in ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
             "asin", "acos", "atan", "sinh", "cosh", "tanh", "fabs", "degrees", "radians", "pow",
             "atan2", "hypot", "fmod", "copysign", "floor", "ceil", "trunc", "gcd", "isnan", "isinf"]:
    FNS["math_" + name] = getattr(math, name)


try:
    import mpmath

    mpmath.mp.prec = 300
    EXACT = {
        "math_exp": mpmath.exp, "math_exp2": lambda x: mpmath.power(2, x), "math_log": mpmath.log,
        "math_log2": lambda x: mpmath.log(x, 2), "math_log10": mpmath.log10, "math_sin": mpmath.sin,
        "math_cos": mpmath.cos, "math_tan": mpmath.tan, "math_asin": mpmath.asin, "math_acos": mpmath.acos,
        "math_atan": mpmath.atan, "math_sinh": mpmath.sinh, "math_cosh": mpmath.cosh, "math_tanh": mpmath.tanh,
        "math_pow": mpmath.power, "float_pow": mpmath.power, "int_pow_float": mpmath.power,
        "math_atan2": mpmath.atan2, "math_expm1": mpmath.expm1, "math_log1p": mpmath.log1p,
    }
except ImportError:  # the test then skips the correctly-rounded check
    EXACT = {}


def correctly_rounded(fn, args, value):
    f = EXACT.get(fn)
    if f is None or not isinstance(value, float) or not math.isfinite(value) or abs(value) < 2.2250738585072014e-308:
        return None
    exact = f(*[mpmath.mpf(a) for a in args])
    if not isinstance(exact, mpmath.mpf):
        return None
    return bits(float(exact))


def encode(v):
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        return {"float": bits(v)}
    if isinstance(v, complex):
        return {"complex": True}
    if isinstance(v, tuple):
        return {"tuple": [encode(x) for x in v]}
    raise TypeError(type(v))


def main():
    out = sys.stdout
    for line in sys.stdin:
        case = json.loads(line)
        try:
            args = [dec(a) for a in case["args"]]
            value = FNS[case["fn"]](*args)
            res = encode(value)
            cr = correctly_rounded(case["fn"], args, value)
            if cr is not None:
                res["cr"] = cr
        except Big:
            res = {"bigint": True}
        except Exception as e:  # noqa: BLE001 - every exception is data here
            res = {"err": [type(e).__name__, str(e)]}
        res["id"] = case["id"]
        out.write(json.dumps(res) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
