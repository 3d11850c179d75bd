"""Bit manipulation, where operator precedence matters: | < ^ < & < shifts < + - < * / // % < unary < **."""

MASK = 0xFF ^ 0x0F & 0x3C | 1 << 4
MIXED = 1 + 2 * 3 ** 2 ** 2 - -4 // 3 % 5 << 2 >> 1 & 7 ^ 9 | 16


def parity(n: int) -> int:
    p = 0
    while n:
        p ^= n & 1
        n >>= 1
    return p


def swap_nibbles(b: int) -> int:
    return (b & 0x0F) << 4 | (b & 0xF0) >> 4


def gray(n: int) -> int:
    return n ^ n >> 1


def checksum(a: int, b: int, c: int) -> int:
    return a ^ b & c | a & ~b ^ c


def power_tower(x: float) -> float:
    return -x ** 2 + 2 ** -x ** 0.5 - (-x) ** 2


def lowest_bit(n: int) -> int:
    return n & -n if n else 0
