"""Layouts and spellings where tree-sitter-python and CPython disagree unless ingest steps in."""
import math


def mixed_indent(x: int) -> int:
    	if x > 0:  # four spaces and a tab: column 8 for CPython, 12 for tree-sitter
            	return x  # twelve spaces and a tab: column 16
    	return -x


def dedented_continuation(a: int, b: int) -> int:
    total = max(a,
b) + (a -
  b)  # continuation lines inside brackets may sit anywhere
    other = a + \
        b
    return total + other


def semicolons(n: int) -> int:
    if n: n += 1; n *= 2;
    return n;


def soft_keywords(type: int, match: int) -> int:
    print >> type, match  # a valid (if odd) Python 3 expression
    type = type + 1
    return type * match


def comments_everywhere(a: int) -> int:  # trailing
        # a comment indented deeper than the block
    if a:  # c
        pass
  # a comment indented less
    else:
        a = 1
    return a


LEGACY = u"unicode prefix" + U'second'
BITS = 1 ^ 2 & 3 | 4 << 1
ROOT = math.sqrt(2) ** 2 ** -1
