"""Stand-in for ``pxr.Gf``: 3-vectors (Vec3f rounds to float32)."""
import struct


def _f32(x: float) -> float:
    return struct.unpack("f", struct.pack("f", float(x)))[0]


class _Vec3:
    _round = staticmethod(float)

    def __init__(self, *args):
        if len(args) == 0:
            values = (0.0, 0.0, 0.0)
        elif len(args) == 1:
            values = tuple(args[0])
        else:
            values = args
        if len(values) != 3:
            raise TypeError(f"{type(self).__name__} takes 3 components")
        self._v = [self._round(v) for v in values]

    def __getitem__(self, i):
        return self._v[i]

    def __setitem__(self, i, value):
        self._v[i] = self._round(value)

    def __len__(self):
        return 3

    def __iter__(self):
        return iter(self._v)

    def __eq__(self, other):
        try:
            return len(other) == 3 and all(a == b for a, b in zip(self._v, other))
        except TypeError:
            return NotImplemented

    def __repr__(self):
        return f"Gf.{type(self).__name__}({self._v[0]!r}, {self._v[1]!r}, {self._v[2]!r})"


class Vec3d(_Vec3):
    pass


class Vec3f(_Vec3):
    _round = staticmethod(_f32)
