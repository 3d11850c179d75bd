"""Module constants of every literal kind."""

DECIMAL = 1_000_000
HEX = 0xDEAD_beef
OCTAL = 0o777
BINARY = 0b1010_1010
BIG = 123456789012345678901234567890
ZERO = 0
ZEROS = 000
FLOATS = (1.5, 1_000.5, 1e10, .5, 5., 1E-7, 1e16, 1e15, 0.0001, 0.00001, 1e308, 1e999, 3.14159265358979323846)
HARD_FLOATS = (0.1, 2.2250738585072014e-308, 4.9e-324, 9007199254740993.0, 1.7976931348623157e308, 123456789012345678901234567890.5)
IMAG = (2j, 1.5j, 1e3J, 10j, 0j, 1e16j)
TRUTH = True
FALSITY = False
NOTHING = None
DOTS = ...
TEXT = "double"
SINGLE = 'single'
QUOTES = ("it's", 'say "hi"', 'both \' and "', "")
ESCAPES = "tab\tnewline\ncr\rbell\aback\bform\fvt\v nul\0 oct\101\7 hex\x41\xff uni\u00e9\u20ac wide\U0001F600 keep\d\q slash\\"
RAW = r"raw\n\t\x41" + R'\d+'
CONCAT = "abc" 'def' """ghi"""
TRIPLE = """line one
line two\
 continued
"""
BYTES = b"bytes\x00\xff\n" + rb"\d" + B'abc' + b'\101\777'
NEG = -1
NEG_FLOAT = -2.5
UNARY = (+3, ~7, not True)
