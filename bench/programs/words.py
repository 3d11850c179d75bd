"""Benchmark: word frequencies in a generated text (str.split, dict, sorted with a key)."""


def word_freq(n: int) -> int:
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    parts: list[str] = []
    for i in range(n):
        parts.append(words[(i * 7 + i // 3) % len(words)])
    text = " ".join(parts)
    counts: dict[str, int] = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0][1] * 1000 + len(ranked)
