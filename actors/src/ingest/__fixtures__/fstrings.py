"""f-strings: conversions, format specs, nesting, `=`, escapes and concatenation."""


def fstrings(name: str, value: float, width: int, precision: int, items: list) -> list:
    plain = f"hello"
    empty = f""
    simple = f"{name}"
    around = f"<{name}>"
    conversions = f"{name!r} {name!s} {name!a}"
    spec = f"{value:>10.3f}|{value:<{width}}|{value:{width}.{precision}f}"
    both = f"{name!r:^20}"
    debug = f"{name=}"
    debug_spec = f"{value=:.2f}"
    debug_conv = f"{ name = !s}"
    debug_expr = f"{width * 2 = }"
    braces = f"{{literal}} {{{name}}}"
    escapes = f"tab\t{name}\nnewline \x41 \u00e9"
    raw = rf"\d+{name}\s"
    raw_upper = Rf"{name}\n" fR"{width}"
    concat = "plain " f"{name}" ' more ' f"{width}" "end"
    u_first = u"x" f"{name}"
    quotes = f'{items["k"] if items else 0}' + f"{'a' + 'b'}"
    calls = f"{len(items)} {', '.join(str(i) for i in items)} {sorted(items)[0]}"
    lambda_call = f"{(lambda x: x * 2)(width)}"
    conditional = f"{name if width else 'none'}"
    dict_lookup = f"{ {'a': 1}['a'] }"
    comparison = f"{width != 3} {width == 3} {width <= 3} {width >= 3} {width < 3} {width > 3}"
    walrus = f"{(w := width)}"
    tuple_field = f"{name, width}"
    number_format = f"{1234567:,} {0.25:%} {255:#x} {3:03d}"
    nested_quotes = f"""{"double"} {'single'}"""
    multiline = f"""first {name}
second {width +
        precision} third {value:
        >10}"""
    return [plain, empty, simple, around, conversions, spec, both, debug, debug_spec, debug_conv,
            debug_expr, braces, escapes, raw, raw_upper, concat, u_first, quotes, calls, lambda_call,
            conditional, dict_lookup, comparison, walrus, w, tuple_field, number_format, nested_quotes,
            multiline]


def indented() -> str:
    return    f"""a {
        1 + 2} b
  {3}"""
