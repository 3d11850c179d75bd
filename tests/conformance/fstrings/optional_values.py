from typing import Optional
def get(k: int) -> Optional[int]:
    if k > 0:
        return k * 3
    return None
def gs(k: int) -> Optional[str]:
    if k > 0:
        return "v" * k
    return None
def gf(k: int) -> Optional[float]:
    if k > 0:
        return k / 4
    return None
w = 7
print(f"{get(2):>5}|{get(0)}|{get(1):x}|{get(3)!r:>6}|{gs(2):*^{w}}|{gs(0)}|{gf(3):.3f}|{gf(1)}")
print("{:>5}|{}".format(get(4), get(0)))
print(format(get(5), "05d"), format(gs(1), "<3") + "|", format(get(0)))
