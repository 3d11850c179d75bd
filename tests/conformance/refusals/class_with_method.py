# refused: PTL2003 6:1
def area(w: int, h: int) -> int:
    return w * h


class Rect:
    def __init__(self, w: int, h: int) -> None:
        self.w = w
        self.h = h


print(area(2, 3))
