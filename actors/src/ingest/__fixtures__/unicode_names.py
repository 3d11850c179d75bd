# -*- coding: utf-8 -*-
"""Unicode in identifiers, strings and comments: ünïcödé."""

π = 3.14159  # Greek pi
πr = π * 2
naïve_count = 0  # café, naïve, 日本語のコメント
𝐀 = 1  # mathematical bold A normalises to A under NFKC


def grüße(n: int) -> int:
    """Grüße, 世界! 😀"""
    größe = n * 2  # ß
    return größe + A


def emoji_len(k: int) -> int:
    s = "😀😃😄"  # astral characters: two UTF-16 units each
    t = "\u00e9" + "é"
    return k + 3


GREETING = "héllo wörld ☃ 𝄞"
MIXED = "αβγ" "δεζ"
FULLWIDTH_ＡＢＣ = 1
